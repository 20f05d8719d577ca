import type { DeliveryPause, DeliveryPauses } from '../domain/delivery-pause.js';
import type { StoreBackend } from './backend.js';
import { keyedList } from './keyed-list.js';

/** Channels whose delivery is paused (credentials refused), shared by every instance and the CLI's `status`. */
export function createDeliveryPauses(backend: StoreBackend): DeliveryPauses {
  const pauses = keyedList<DeliveryPause>(backend, 'delivery-pauses', (pause) => pause.channelId);
  return { list: pauses.list, get: pauses.get, put: pauses.put, remove: pauses.remove };
}
