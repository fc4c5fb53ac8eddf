import { defineBackground } from 'wxt/utils/define-background';
import { registerAlarms } from './alarms';
import { registerGapStore } from './gap-store';
import { registerInstallHandler } from './install';
import { registerMessageHandlers } from './messages';
import { registerPrompt } from './prompt';
import { registerRevealNotifications } from './reveal-notifications';
import { registerSidePanelOpeners } from './side-panel';

// Listeners are registered synchronously in main(), so a service worker woken by an event sees them.
export default defineBackground(() => {
  registerInstallHandler();
  registerMessageHandlers();
  registerAlarms();
  registerGapStore();
  registerRevealNotifications();
  registerSidePanelOpeners();
  registerPrompt();
});
