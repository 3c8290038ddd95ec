/**
 * The flow actions the local contact center runs, by their flow-language `Type`. Any other type
 * takes its error branch and is logged by name (see FlowRunner).
 */
import * as contact from './contact-actions';
import type { ActionHandler } from './flow-execution';
import { getParticipantInput, messageParticipant } from './prompt-actions';
import { updateContactTextToSpeechVoice } from './voice-actions';

/** The flow blocks the runner knows, by action type. */
export const HANDLERS = new Map<string, ActionHandler>([
  ['MessageParticipant', messageParticipant],
  ['GetParticipantInput', getParticipantInput],
  ['UpdateContactAttributes', contact.updateContactAttributes],
  ['UpdateFlowAttributes', contact.updateFlowAttributes],
  ['Compare', contact.compare],
  ['CheckHoursOfOperation', contact.checkHoursOfOperation],
  ['UpdateContactTargetQueue', contact.updateContactTargetQueue],
  ['TransferContactToQueue', contact.transferContactToQueue],
  ['UpdateContactRecordingBehavior', contact.updateContactRecordingBehavior],
  ['UpdateContactRecordingAndAnalyticsBehavior', contact.updateContactRecordingBehavior],
  ['UpdateContactEventHooks', contact.updateContactEventHooks],
  ['UpdateContactData', contact.updateContactData],
  ['UpdateContactTextToSpeechVoice', updateContactTextToSpeechVoice],
  ['Loop', contact.loop],
  ['DistributeByPercentage', contact.distributeByPercentage],
  ['TransferToFlow', contact.transferToFlow],
  ['DisconnectParticipant', () => ({ kind: 'stop', ending: 'disconnected' })],
  ['EndFlowExecution', () => ({ kind: 'stop', ending: 'end-flow' })],
]);
