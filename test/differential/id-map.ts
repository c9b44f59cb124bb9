/**
 * Job ids of the two sides of a comparison: the real engine and the simulator assign their own,
 * so each id one side answered is paired with the id the other side answered in the same place.
 * Ids a request chose itself (`?jobId=4242`) are the same on both sides and need no pairing.
 */
export class IdMap {
  private readonly toSim = new Map<string, string>();
  private readonly toReal = new Map<string, string>();

  /** Pairs the ids two answers gave at the same place; a conflicting pair is an error of the scenario. */
  learn(realId: string, simId: string): void {
    const known = this.toSim.get(realId);
    if (known !== undefined && known !== simId) throw new Error(`job id ${realId} was already paired with ${known}, now with ${simId}`);
    if (realId === simId) return;
    this.toSim.set(realId, simId);
    this.toReal.set(simId, realId);
  }

  sim(realId: string): string {
    return this.toSim.get(realId) ?? realId;
  }

  /** Rewrites every simulator id in a text to its real twin (ids inside JSON strings, file names, URLs). */
  simTextToReal(text: string): string {
    if (this.toReal.size === 0) return text;
    return text.replace(/\d{4,20}/g, (digits) => this.toReal.get(digits) ?? digits);
  }

  /** Rewrites every real id in a text (a recorded request's path or body) to its simulator twin. */
  realTextToSim(text: string): string {
    if (this.toSim.size === 0) return text;
    return text.replace(/\d{4,20}/g, (digits) => this.toSim.get(digits) ?? digits);
  }
}
