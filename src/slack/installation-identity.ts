/**
 * Who this app is installed as, from auth.test at start-up (never from a request): the workspace,
 * its Enterprise Grid org when there is one, and the app id. Unknown parts are not checked.
 */
export interface InstallationIdentity {
  teamId?: string;
  enterpriseId?: string;
  appId?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/**
 * Why a request is not for this installation, or undefined when it is. Checks every id the payload
 * names for the installing side: `api_app_id`, the envelope's (or command's, or interaction's) team
 * and enterprise, and each entry of `authorizations`. A workspace of the same enterprise passes (an
 * org-wide install, or a sister workspace on the Grid); whether its *user* may read the docs is the
 * guards' decision, not this one. Pure.
 */
export function foreignInstallation(body: unknown, identity: InstallationIdentity): string | undefined {
  const b = (body ?? {}) as Record<string, unknown>;
  const app = str(b.api_app_id);
  if (identity.appId && app && app !== identity.appId) return `app ${app}`;
  const team = b.team as { id?: unknown; enterprise_id?: unknown } | undefined;
  const enterprise = b.enterprise as { id?: unknown } | undefined;
  const sides: Array<{ team?: string; enterprise?: string }> = [
    { team: str(b.team_id) ?? str(team?.id), enterprise: str(b.enterprise_id) ?? str(enterprise?.id) ?? str(team?.enterprise_id) },
  ];
  if (Array.isArray(b.authorizations)) {
    for (const a of b.authorizations as Array<Record<string, unknown> | null>) sides.push({ team: str(a?.team_id), enterprise: str(a?.enterprise_id) });
  }
  for (const side of sides) {
    if (!side.team && !side.enterprise) continue;
    const sameEnterprise = Boolean(identity.enterpriseId && side.enterprise === identity.enterpriseId);
    if (sameEnterprise) continue;
    if (side.enterprise && identity.enterpriseId && side.enterprise !== identity.enterpriseId) return `enterprise ${side.enterprise}`;
    if (identity.teamId && side.team && side.team !== identity.teamId) return `team ${side.team}`;
    if (!identity.teamId && identity.enterpriseId && !side.enterprise) return `team ${side.team} outside enterprise ${identity.enterpriseId}`;
  }
  return undefined;
}
