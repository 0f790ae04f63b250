/** English messages of `model.storage` (ICU MessageFormat; see engine/i18n/README.md). */
export const en = {
  enter: '{client} enters its critical section {section} on {node}{token, select, none {} other { with token {token}}}',
  write: `{node} accepts {client}'s write "{value}"{token, select, none {} other { with token {token}}}{last, select, yes {; section {section} ends} other {}}`,
  leave: '{client} leaves its section {section} on {node}',
  leaveReason: '{client} leaves its section {section} on {node} ({reason})',
  reject: "{node} refuses {client}'s {op, select, enter {enter} other {write}}: token {token} is older than {max}, the largest it has seen (fencing)",
  fence: '{node} sees token {token} from {client}: {fenced} can no longer write',
  fenced: "{client}'s section {section} (token {token})",
  list: '{first}, {rest}',
} as const satisfies Record<string, string>;
