/**
 * A live connection to a board (or the workshop's control document) as runes state:
 * the Y.Doc, the connection status, and how many local changes wait to be sent.
 * Members with an editing role keep offline edits in IndexedDB (y-indexeddb); they
 * merge when the connection returns.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { readBoard } from './model';

export type Status = 'connecting' | 'online' | 'offline' | 'refused';

/** Origin of this browser's own edits: what its UndoManager tracks. */
export const LOCAL = Symbol('local edit');

export class Connection {
	readonly doc = new Y.Doc();
	status = $state<Status>('connecting');
	synced = $state(false);
	/** Local changes made since the server last confirmed it has everything. */
	waiting = $state(0);
	refusedCode = $state<number | null>(null);
	/** Bumped on every document change; derive views from it. */
	version = $state(0);

	private provider: WebsocketProvider;
	private persistence: { destroy(): Promise<void> | void } | null = null;
	private onOnline = () => this.provider.connect();

	constructor(room: string, options: { readOnly?: boolean; offline?: boolean } = {}) {
		const origin = location.origin.replace(/^http/, 'ws');
		this.provider = new WebsocketProvider(`${origin}/collab`, room, this.doc, {
			params: options.readOnly ? { mode: 'view' } : {},
			maxBackoffTime: 5000
		});
		this.provider.on('status', ({ status }: { status: string }) => {
			if (this.status === 'refused') return;
			this.status = status === 'connected' ? 'online' : navigator.onLine ? 'connecting' : 'offline';
		});
		this.provider.on('sync', (synced: boolean) => {
			this.synced = synced;
			if (synced) this.waiting = 0;
		});
		this.provider.on('closed', (event: { code: number }) => {
			this.status = 'refused';
			this.refusedCode = event.code;
		});
		this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			this.version++;
			if (origin !== this.provider && this.status !== 'online') this.waiting++;
		});
		addEventListener('online', this.onOnline);
		if (options.offline) {
			// Loaded only for editors, so participants' phones never download it.
			void import('y-indexeddb').then(({ IndexeddbPersistence }) => {
				// v2: boards no longer hold authors, and older boards were rebuilt once without
				// them; a copy kept from before would merge the old history (and names) back.
				this.persistence = new IndexeddbPersistence(`rr-board-v2-${room}`, this.doc);
			});
		}
	}

	get awareness() {
		return this.provider.awareness;
	}

	destroy(): void {
		removeEventListener('online', this.onOnline);
		void this.persistence?.destroy();
		this.provider.destroy();
		this.doc.destroy();
	}
}

/** A board's connection with the board as a plain, reactive view (the model's `readBoard`). */
export class BoardConnection extends Connection {
	readonly view = $derived.by(() => {
		void this.version; // re-read whenever the document changed
		return readBoard(this.doc);
	});
}
