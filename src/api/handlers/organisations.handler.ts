// The organisation tree through the API: POST /organisations/{add|rename|move}. The store asks the
// tree's rules on the tree as it is now (no cycle) and who may (a controller of the organisation or
// of one above it); the caller is the token's person.
import type { OrganisationKind } from '../../core';
import { ORGANISATION_KINDS } from '../../core';
import { addOrganisation, moveOrganisation, renameOrganisation } from '../../store';
import type { OrganisationWriteResult } from '../../store';
import type { ApiCaller } from '../access-token';
import type { ApiRequest, ApiResponse } from '../http';
import { ApiProblem, jsonObject, textField } from '../http';
import type { WriteContext } from '../write-context';

function answer(result: OrganisationWriteResult, created = false): ApiResponse {
  if (result.status === 'saved') return { status: created ? 201 : 200, body: result };
  if (result.status === 'conflict') return { status: 409, body: result };
  return { status: result.refusal.code === 'not-controller' ? 403 : 422, body: result };
}

const optionalText = (body: Record<string, unknown>, name: string): string | undefined => (typeof body[name] === 'string' && body[name] !== '' ? body[name] : undefined);

export async function organisationHandler(request: ApiRequest, caller: ApiCaller, context: WriteContext, action: string | undefined): Promise<ApiResponse> {
  const body = jsonObject(request);
  const store = await context.store();
  switch (action) {
    case 'add': {
      const kind = optionalText(body, 'kind');
      if (kind !== undefined && !(ORGANISATION_KINDS as readonly string[]).includes(kind)) throw new ApiProblem(400, 'invalidRequest', `"kind" ska vara ${ORGANISATION_KINDS.join(', ')}.`);
      const managerUpn = optionalText(body, 'managerUpn');
      const result = await addOrganisation(
        store,
        { code: textField(body, 'code'), name: textField(body, 'name'), parentCode: textField(body, 'parentCode'), ...(kind ? { kind: kind as OrganisationKind } : {}), ...(managerUpn ? { managerUpn } : {}) },
        caller.upn,
      );
      return answer(result, true);
    }
    case 'rename':
      return answer(await renameOrganisation(store, { code: textField(body, 'code'), name: textField(body, 'name'), eTag: textField(body, 'eTag') }, caller.upn));
    case 'move':
      return answer(await moveOrganisation(store, { code: textField(body, 'code'), parentCode: textField(body, 'parentCode'), eTag: textField(body, 'eTag') }, caller.upn));
    default:
      throw new ApiProblem(404, 'notFound', 'Organisationer läggs till, byter namn och flyttas med /organisations/add, rename och move.');
  }
}
