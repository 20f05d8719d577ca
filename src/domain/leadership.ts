/**
 * One role held by one instance at a time across every instance on the same store: the Discord
 * gateway and the Slack socket are such roles, because each connected instance would receive
 * (and answer) every command. The port lets chat adapters take part without knowing the store.
 */
export interface Leadership {
  /**
   * Takes part in the election for `role`. `lead` runs when this instance becomes the holder
   * (connect), `lose` when it stops being it (disconnect). Resolves after the first attempt: when
   * this instance won it and `lead` failed, the role is given up and the error thrown, so a bad
   * token still fails start-up. Standbys keep trying and take over once the holder's lease lapses.
   */
  hold(role: string, duties: LeaderDuties): Promise<LeadershipTerm>;
}

export interface LeaderDuties {
  lead(): Promise<void>;
  lose(): Promise<void>;
}

export interface LeadershipTerm {
  /** Whether this instance holds the role now. */
  held(): boolean;
  /** Stops taking part: runs `lose` when held and gives the role up at once for the others. */
  release(): Promise<void>;
}

/** One process (the embedded SQLite store): it holds every role for its whole life. */
export const soleLeadership: Leadership = {
  async hold(_role, duties) {
    await duties.lead();
    let held = true;
    return {
      held: () => held,
      async release() {
        if (!held) return;
        held = false;
        await duties.lose();
      },
    };
  },
};
