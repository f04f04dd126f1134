/**
 * Fan-out. The websocket frame is built once and written to every socket as a single
 * chunk; `ws` would otherwise frame it again for each of up to 500 recipients (the
 * benchmark measured this as the difference to the reference server). A socket whose
 * sender is busy or queued gets the ordinary `send`, so frames never interleave.
 */
import * as wsModule from 'ws';
import type { WebSocket } from 'ws';
import { CLOSE } from './limits';

/** `ws` exports its frame builder at run time; @types/ws does not declare it. */
const { Sender } = wsModule as unknown as {
	Sender: {
		frame(
			data: Buffer,
			options: { fin: boolean; rsv1: boolean; opcode: number; mask: boolean; readOnly: boolean }
		): Buffer[];
	};
};

export function broadcast(
	sockets: Iterable<WebSocket>,
	message: Uint8Array,
	origin: unknown,
	maxBufferedBytes: number
): void {
	const buffer = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
	const [header, payload] = Sender.frame(buffer, {
		fin: true,
		rsv1: false,
		opcode: 0x02,
		mask: false,
		readOnly: false
	});
	const frame = payload ? Buffer.concat([header, payload]) : header;
	for (const socket of sockets) {
		if (socket !== origin) send(socket, buffer, maxBufferedBytes, frame);
	}
}

export function send(socket: WebSocket, message: Uint8Array, maxBufferedBytes: number, frame?: Buffer): void {
	if (socket.readyState !== socket.OPEN) return;
	// Backpressure: a socket that cannot keep up is closed rather than buffered forever.
	if (socket.bufferedAmount > maxBufferedBytes) {
		socket.close(CLOSE.tooSlow, 'Too slow');
		return;
	}
	const raw = socket as unknown as {
		_socket?: { write(b: Buffer): boolean };
		_sender?: { _state: number; _queue: unknown[] };
	};
	if (frame && raw._socket && raw._sender?._state === 0 && raw._sender._queue.length === 0) raw._socket.write(frame);
	else socket.send(message);
}
