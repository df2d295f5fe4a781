// Målkoll's Azure resources, deployed by `atk provision` (teamsapp.yml, arm/deploy). Its outputs are
// written to env/.env.<env> under their own names. No key or secret anywhere: the Function reaches
// its storage and Application Insights by its user-assigned managed identity, and signs in to
// Graph as the Målkoll app with that identity as the app's federated credential (teamsapp.yml).
//
//   Static Web App       the tab (/), the task pane (/addin/), the redirect bridge
//                        (/auth-redirect.html) and the add-in manifest (/addin/manifest.xml), https
//   Function App         Flex Consumption, Node 20: the notify timer (src/jobs/notify/azure-function.ts)
//                        and the write API under https://<host>/api (src/api/azure-function.ts);
//                        CORS admits the Static Web App's origin only
//   managed identity     user-assigned; federated on the Entra app; storage and monitoring roles
//   storage account      the Function's host storage and deployment container, shared keys off
//   Log Analytics + Application Insights, local (key) authentication off

@description('Prefix of every resource name (letters and digits; the suffix keeps names unique).')
@minLength(3)
@maxLength(14)
param resourceBaseName string

@description('Region of the Function App, its storage and monitoring; it must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Region of the Static Web App (a few only: westeurope, centralus, eastus2, westus2, eastasia).')
param staticWebAppLocation string = 'westeurope'

@allowed(['Free', 'Standard'])
param staticWebAppSku string = 'Free'

@description('Client id of the Målkoll Entra app: the job and the write API sign in as this app, and the API accepts tokens issued for it.')
param appClientId string

@description('Tenant of the Entra app.')
param tenantId string = subscription().tenantId

@description('The Teams app id of the manifest.')
param teamsAppId string

@description('The catalogue id once published to the organisation (atk publish); empty before. Deep links use it when set.')
param publishedTeamsAppId string = ''

@description('The SharePoint site with the lists, e.g. contoso.sharepoint.com:/sites/malkoll.')
@minLength(3)
param site string

@description('NCRONTAB schedule of the notify timer, with seconds, in UTC.')
param notifySchedule string = '0 0 6 * * 1-5'

@description('Days an åtgärd may be overdue before the owner\'s manager is told as well.')
param escalationDays string = '7'

@description('Days before the same recipient is reminded of the same åtgärd again.')
param reminderDays string = '7'

@description('Days before a plan\'s deadline that reporters with items not yet klar are reminded, comma-separated.')
param remindBeforeDays string = '7,1'

@description('Days after the deadline that reminders go on, at most daily.')
param remindAfterDays string = '7'

@description('Days after the deadline before each manager gets a digest of their reports\' unfinished items.')
param remindEscalationDays string = '7'

@description('Notifications started per second (Graph allows 5 per app and tenant).')
param sendsPerSecond string = '5'

@description('Seconds after which the run starts no more sends (below functionTimeout in host.json).')
param budgetSeconds string = '240'

@description('The zone whose date is "today" for the overdue rule.')
param timeZone string = 'Europe/Stockholm'

param graphUrl string = 'https://graph.microsoft.com/v1.0'

param tags object = {}

var name = toLower(resourceBaseName)
var storageName = take('${replace(name, '-', '')}st${uniqueString(resourceGroup().id)}', 24)
var deploymentContainer = 'notify-package'
// The tab's origin is the only one the write API answers in a browser (CORS), and its domain is
// part of the app id URI the API's tokens are issued for (aad.manifest.json's identifierUris).
var tabDomain = staticWebApp.properties.defaultHostname
var tabOrigin = 'https://${tabDomain}'
// v2.0 access tokens carry the client id as aud; the app id URI is accepted too (a v1.0 token's aud).
var apiAudiences = 'api://${tabDomain}/${appClientId},${appClientId}'

// Built-in role definition ids (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource staticWebApp 'Microsoft.Web/staticSites@2023-12-01' = {
  name: '${name}-web'
  location: staticWebAppLocation
  tags: tags
  sku: {
    name: staticWebAppSku
    tier: staticWebAppSku
  }
  properties: {}
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-notify-id'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry only with an Entra token (the identity below), never with the instrumentation key.
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

// A timer needs blobs only (its schedule monitor and singleton lease), and so does the package.
resource storageRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: '${name}-notify'
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // The platform answers the preflight for the tab's origin alone, and then every method and
      // header is allowed (App Service CORS has no per-header setting). No credentials: the API
      // takes a bearer token, never a cookie. Platform CORS overrides any CORS the code would send.
      cors: {
        allowedOrigins: [
          tabOrigin
        ]
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        // The plan's lowest ceiling; the timer runs on one instance.
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'node'
        version: '20'
      }
    }
  }
  dependsOn: [
    storageRole
    insightsRole
  ]
}

// The platform's settings (storage and monitoring by identity), the job's and the write API's: exactly
// the names src/jobs/notify and src/api read (NOTIFY_FUNCTION_APP_SETTINGS, API_FUNCTION_APP_SETTINGS;
// test/deploy/infra.test.ts compares them). The API shares the site, the Graph URL and the federated
// sign-in with the job.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
    MALKOLL_TEAMS_APP_ID: empty(publishedTeamsAppId) ? teamsAppId : publishedTeamsAppId
    MALKOLL_NOTIFY_ESCALATION_DAYS: escalationDays
    MALKOLL_NOTIFY_REMINDER_DAYS: reminderDays
    MALKOLL_NOTIFY_SENDS_PER_SECOND: sendsPerSecond
    MALKOLL_REMIND_BEFORE_DAYS: remindBeforeDays
    MALKOLL_REMIND_AFTER_DAYS: remindAfterDays
    MALKOLL_REMIND_ESCALATION_DAYS: remindEscalationDays
    MALKOLL_NOTIFY_SCHEDULE: notifySchedule
    MALKOLL_GRAPH_URL: graphUrl
    MALKOLL_SITE: site
    MALKOLL_TIME_ZONE: timeZone
    MALKOLL_NOTIFY_BUDGET_SECONDS: budgetSeconds
    MALKOLL_APP_CLIENT_ID: appClientId
    MALKOLL_APP_TENANT_ID: tenantId
    MALKOLL_MANAGED_IDENTITY_CLIENT_ID: identity.properties.clientId
    MALKOLL_API_AUDIENCES: apiAudiences
    // The subscription's cloud is the tenant's: its Entra login host signs the tokens the API checks.
    MALKOLL_LOGIN_AUTHORITY: environment().authentication.loginEndpoint
  }
}

output AZURE_STATIC_WEB_APPS_RESOURCE_ID string = staticWebApp.id
output TAB_DOMAIN string = staticWebApp.properties.defaultHostname
output TAB_ENDPOINT string = 'https://${staticWebApp.properties.defaultHostname}'
output NOTIFY_FUNCTION_RESOURCE_ID string = functionApp.id
output NOTIFY_FUNCTION_NAME string = functionApp.name
output NOTIFY_IDENTITY_CLIENT_ID string = identity.properties.clientId
output NOTIFY_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
// The write API's origin; the front ends' config.json names `${API_ENDPOINT}/api` (src/cli/web-build.ts).
output API_ENDPOINT string = 'https://${functionApp.properties.defaultHostName}'
