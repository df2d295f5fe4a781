// Microsoft Graph's application id and the ids of its application permissions (the Graph service
// principal's appRoles), as Entra ID lists them. The same in every tenant: the command line's doctor
// reads a tenant's grants by them, and the emulator hands them out.
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const GRAPH_APP_ROLE_IDS: Readonly<Record<string, string>> = {
  'Sites.Selected': '883ea226-0bf2-4a8f-9f9d-92c9162a727d',
  'Sites.Read.All': '332a536c-c7ef-4017-ab91-336970924f0d',
  'Sites.ReadWrite.All': '9492366f-7969-46a4-8d15-ed1a20078fff',
  'Sites.Manage.All': '0c0bf378-bf22-4481-8f81-9e89a9b4960a',
  'Sites.FullControl.All': 'a82116e5-55eb-4c41-a434-62fe8a61c773',
  'TeamsActivity.Send': 'a267235f-af13-44dc-8385-c1dc93023186',
  'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
  'TeamsAppInstallation.ReadWriteForUser.All': '74ef0291-ca83-4d02-8c7e-d2391e6a444f',
  'TeamsAppInstallation.ReadWriteSelfForUser.All': '908de74d-f8b2-4d6b-a9ed-2a17b3b78179',
  'Application.Read.All': '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30',
};
