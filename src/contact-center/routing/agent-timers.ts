/**
 * One pending timer per agent: the ring timeout while a contact rings, or the end of after-contact
 * work. Setting a new one replaces the old, so an agent can never be timed out twice.
 */
export class AgentTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Runs `fire` after `ms` unless cleared or replaced first. */
  set(agentId: string, ms: number, fire: () => void): void {
    this.clear(agentId);
    this.timers.set(
      agentId,
      setTimeout(() => {
        this.timers.delete(agentId);
        fire();
      }, ms),
    );
  }

  clear(agentId: string): void {
    clearTimeout(this.timers.get(agentId));
    this.timers.delete(agentId);
  }

  /** Server shutdown: no timer fires after it. */
  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
