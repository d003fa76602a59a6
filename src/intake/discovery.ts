import type { IntakeDeployment } from './deployment.ts';

/**
 * The Open311 service discovery document (`/open311/discovery.{json,xml}`): where a client
 * finds the endpoint, which specification and formats it speaks, whether requests are acted
 * on, and whom to ask about it. Clients such as open311-validator start here.
 */

export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';
export const FORMATS = ['application/json', 'text/xml'] as const;

export interface DiscoveryEndpoint {
  specification: string;
  url: string;
  changeset: string;
  /** `production`: requests are acted on; `test`: they are not (the standard's two values). */
  type: 'production' | 'test';
  formats: string[];
}

export interface DiscoveryDocument {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: DiscoveryEndpoint[];
}

/** Said when site.yaml leaves the fields out: true, and it tells the deployer where they go. */
const UNSET_CONTACT = 'Not given: the deployment sets it as intake.contact in its site settings.';
const UNSET_KEY_SERVICE =
  'Not given: the deployment sets it as intake.key_service in its site settings.';

export function discoveryDocument(
  deployment: IntakeDeployment,
  url: string,
  type: DiscoveryEndpoint['type'],
): DiscoveryDocument {
  const { intake } = deployment.site;
  // One changeset for both: the document changes only when the service or its definition does.
  const changeset = deployment.changeset;
  return {
    changeset,
    contact: intake.contact ?? UNSET_CONTACT,
    key_service: intake.key_service ?? UNSET_KEY_SERVICE,
    endpoints: [{ specification: GEOREPORT_V2, url, changeset, type, formats: [...FORMATS] }],
  };
}
