import { defineBackground } from 'wxt/utils/define-background';
import { registerAlarms } from './alarms';
import { registerInstallHandler } from './install';
import { registerMessageHandlers } from './messages';

// Listeners are registered synchronously in main(), so a service worker woken by an event sees them.
export default defineBackground(() => {
  registerInstallHandler();
  registerMessageHandlers();
  registerAlarms();
});
