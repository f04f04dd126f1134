export { MemoryEventBus, eventBus, publish, setEventBus, type EventBus, type Listener } from './bus';
export { liveStream, type LiveSource, type StreamOptions } from './stream';
