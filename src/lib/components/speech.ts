/** Reads a prompt aloud with the browser's speech synthesis, in Indonesian when a voice exists. */
export function canSpeak(): boolean {
	return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

export function speak(text: string, lang: string): void {
	if (!canSpeak()) return;
	const utterance = new SpeechSynthesisUtterance(text);
	const wanted = lang === 'en' ? 'en' : 'id';
	const voice = speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(wanted));
	utterance.lang = voice?.lang ?? (wanted === 'id' ? 'id-ID' : 'en-US');
	if (voice) utterance.voice = voice;
	speechSynthesis.cancel();
	speechSynthesis.speak(utterance);
}
