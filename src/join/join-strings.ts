/**
 * Every user-visible text of the join page (English; a language is one more table of this shape).
 */
export const joinStrings = {
  title: 'Join a video call',
  intro: (name: string | undefined, contactId: string, asParticipant = false) =>
    `${name ? `${name}, you` : 'You'} are about to join contact ${contactId} as ${asParticipant ? 'a participant the agent invited' : 'the customer'}.`,
  join: 'Join call',
  mute: 'Mute',
  camera: 'Camera',
  leave: 'Leave',
  controls: 'Call controls',
  selfView: 'Your camera',
  remoteVideo: "Agent's video",
  remoteContent: 'Shared screen',
  participantVideo: (n: number) => `Participant ${n}'s video`,
  muted: 'muted',
  shareScreen: 'Share screen',
  noRemoteVideo: 'The agent has not turned on video.',
  startAudio: 'Start audio',
  status: {
    ready: 'Ready to join.',
    joining: 'Joining the call…',
    waiting: 'In the call. Waiting for an agent to answer.',
    connected: 'In the call with the agent.',
    reconnecting: 'Connection lost. Reconnecting…',
    left: 'You left the call.',
    ended: 'The call has ended.',
    failed: (message: string) => `Could not join the call: ${message}`,
  },
  badLink: 'This link cannot be used',
} as const;
/** The join page's strings. */
export type JoinStrings = typeof joinStrings;
