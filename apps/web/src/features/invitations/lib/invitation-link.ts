/** The page an invitee opens to join: `<public URL>/invite/<invitation id>`. */
export function invitationLink(baseUrl: string, invitationId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/invite/${encodeURIComponent(invitationId)}`;
}
