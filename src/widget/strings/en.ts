/** English strings: every user-visible text of the widget, keyed by purpose. */
export const en = {
  dir: 'ltr',
  launcher: 'Start video call',
  dialogTitle: 'Video call',
  close: 'Close video call',
  closeShort: 'Close',
  minimise: 'Minimise video call',
  cancelCall: 'Cancel the call and close',
  expand: 'Open video call',
  minimisedCall: (name: string) => `Call with ${name}`,
  // Picture-in-picture (Document Picture-in-Picture, where the browser has it)
  popOut: 'Pop out',
  poppedOut: 'Call is in picture-in-picture',
  bringBack: 'Bring back',
  broughtBack: 'Call is back in the page',
  popOutFailed: 'Picture-in-picture did not open.',
  // Before the call
  preCallTitle: 'Before you join',
  yourName: 'Your name',
  nameRequired: 'Please enter your name.',
  callType: 'Call type',
  videoCall: 'Video call',
  voiceOnly: 'Voice only',
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  micLevel: 'Microphone level',
  cameraPreview: 'Your camera preview',
  noCameraPreview: 'Camera is off',
  deviceSettings: 'Device settings',
  closeSettings: 'Done',
  noiseSuppression: 'Reduce background noise',
  background: 'Background',
  backgroundNone: 'None',
  backgroundBlurLight: 'Blur a little',
  backgroundBlurStrong: 'Blur a lot',
  backgroundCalm: 'Image: calm blue',
  backgroundWarm: 'Image: warm room',
  backgroundSite: 'Image: from this website',
  effectLoading: 'Loading…',
  effectUnavailable: 'Not available in this browser',
  effectFailed: 'Could not start; using the plain camera or microphone',
  joinCall: 'Join call',
  loading: 'Loading…',
  permissionDenied: 'The browser is blocking your camera or microphone.',
  permissionHelpChrome:
    'Click the camera icon at the right of the address bar, choose “Always allow”, then select Try again.',
  permissionHelpFirefox:
    'Click the camera icon at the left of the address bar, remove the block, then select Try again.',
  permissionHelpSafari:
    'Open Safari › Settings for This Website, set Camera and Microphone to Allow, then select Try again.',
  permissionHelpOther:
    'Allow camera and microphone for this site in your browser’s site settings, then select Try again.',
  deviceNotFound: 'No microphone was found. Connect one and select Try again.',
  deviceInUse: 'Your camera or microphone is used by another app. Close it and select Try again.',
  tryAgain: 'Try again',
  // Connecting
  connectingTitle: 'Connecting you',
  inFlow: 'Please listen to the instructions.',
  queued: 'Waiting for an agent',
  queuedIn: (queue: string) => `Waiting for an agent in ${queue}`,
  keysHint: 'You can also press the number keys on your keyboard.',
  waitingFor: (time: string) => `Waiting time ${time}`,
  captions: 'Captions',
  keypad: 'Keypad',
  showKeypad: 'Show keypad',
  hideKeypad: 'Hide keypad',
  dtmfSent: (digit: string) => `Sent ${digit}`,
  dtmfFailed: 'The key could not be sent. Try again.',
  // In call
  inCallTitle: (name: string) => `In call with ${name}`,
  agent: 'Agent',
  agentVideo: (name: string) => `Video of ${name}`,
  agentScreen: (name: string) => `Screen shared by ${name}`,
  selfView: 'Your video',
  callTime: (time: string) => `Call time ${time}`,
  mute: 'Mute',
  unmute: 'Unmute',
  stopVideo: 'Stop video',
  startVideo: 'Start video',
  more: 'More',
  muted: 'Muted',
  mutedName: (name: string) => `${name} is muted`,
  youMuted: 'You are muted',
  you: 'You',
  shareScreen: 'Share screen',
  shareScreenDisabled: 'Screen sharing is available when the agent allows it',
  shareAllowed: 'The agent allowed screen sharing. Select Share screen to show your screen.',
  stopSharing: 'Stop sharing',
  youAreSharing: 'You are sharing your screen',
  fullScreen: 'Full screen',
  settings: 'Devices',
  endCall: 'End call',
  startAudio: 'Tap to hear the call',
  audioBlocked: 'Your browser paused the call audio.',
  networkGood: 'Connection good',
  networkPoor: 'Connection poor',
  reconnecting: 'Reconnecting…',
  deviceLostCamera: 'Your camera stopped. Choose another camera or turn the camera back on.',
  deviceLostMicrophone: 'Your microphone stopped. Choose another microphone.',
  shareFailed: 'Screen sharing did not start.',
  cameraFailedBlocked:
    'Your camera could not start: the browser is blocking it. Allow the camera for this site, then select Start video.',
  cameraFailedMissing: 'That camera could not be found. Choose another camera in Devices.',
  cameraFailedBusy:
    'Your camera is being used by another app. Close that app, then select Start video.',
  cameraFailedOther:
    'Your camera could not start. Choose another camera in Devices, or select Start video to try again.',
  microphoneFailedBlocked:
    'The microphone could not be switched: the browser is blocking it. Allow the microphone for this site, then choose it again in Devices.',
  microphoneFailedMissing: 'That microphone could not be found. Choose another one in Devices.',
  microphoneFailedBusy:
    'That microphone is being used by another app. Close that app, or choose another one in Devices.',
  microphoneFailedOther: 'The microphone could not be switched. Choose another one in Devices.',
  speakerFailed:
    'The speaker could not be changed, so the sound stays on the previous one. Choose another speaker in Devices.',
  agentJoined: (name: string) => `${name} joined the call`,
  personLeft: (name: string) => `${name} left the call`,
  guest: 'Guest',
  /** The badge that tells the agent's tile from the others' in a call of three or more. */
  agentBadge: 'Agent',
  // Ended
  endedTitle: 'Call ended',
  endedByYou: 'You ended the call.',
  endedByAgent: 'The agent ended the call.',
  endedBySystem: 'The call was ended.',
  endedConnection: 'The connection was lost.',
  endedAway: 'You were away too long, so the call could not be resumed.',
  endedBeforeAgent: 'The call ended before an agent joined.',
  endedWith: (name: string) => `Your call with ${name}`,
  duration: (time: string) => `Duration ${time}`,
  callAgain: 'Call again',
  ratingQuestion: 'How did the call go?',
  ratingScore: (n: number) =>
    `${n} of 5: ${['very poor', 'poor', 'okay', 'good', 'very good'][n - 1] ?? ''}`,
  ratingComment: 'Comment (optional)',
  ratingSend: 'Send rating',
  ratingSkip: 'Skip',
  ratingThanks: 'Thank you for your rating.',
  ratingFailed: 'Your rating could not be sent. Select Send rating to try again.',
  // Errors
  errorTitle: 'Something went wrong',
  backendUnreachable:
    'We could not reach the video-call service. Check your connection and try again.',
  backendError: (message: string) => `The video-call service refused the call: ${message}`,
  joinFailed: 'The call could not connect.',
  unavailableTitle: 'Video calls are not available here',
  originRefused:
    'This website is not set up for video calls yet. Please contact us another way, or try again later.',
  entryPointUnknown: 'This video call link is not set up. Please contact us another way.',
  // This browser cannot call (checked before Join)
  unsupportedTitle: 'This browser cannot make video calls',
  unsupportedInsecure:
    'Video calls need a secure connection. Open this page with https:// in the address, or ask the website to use HTTPS.',
  unsupportedNoMedia:
    'This app’s built-in browser cannot use your camera and microphone. Open this page in your browser (Safari, Chrome, Firefox or Edge).',
  unsupportedNoWebRtc:
    'It lacks what video calls need (WebRTC). Open this page in an up-to-date Safari, Chrome, Firefox or Edge.',
};

/** The shape every language must provide. */
export type Strings = {
  [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string
    ? (...a: A) => string
    : string;
};
