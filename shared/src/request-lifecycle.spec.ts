import {
  availableActions,
  FINAL_STATUSES,
  isFinal,
  nextStatus,
  RequestAction,
  RequestStatus,
  ratingReopens,
  TRANSITIONS,
  lifecycleMermaid,
} from './request-lifecycle';

describe('request lifecycle', () => {
  it('moves a pending item to in-progress when the holder accepts it', () => {
    expect(nextStatus(RequestStatus.PendingAccept, RequestAction.Accept)).toBe(RequestStatus.InProgress);
  });

  it('refuses to accept an item that is already in progress', () => {
    expect(nextStatus(RequestStatus.InProgress, RequestAction.Accept)).toBeUndefined();
  });

  it('keeps the status when a progress note is added', () => {
    expect(nextStatus(RequestStatus.InProgress, RequestAction.AddProgress)).toBe(RequestStatus.InProgress);
  });

  it('cannot resolve an item nobody has accepted', () => {
    expect(nextStatus(RequestStatus.PendingAccept, RequestAction.Resolve)).toBeUndefined();
  });

  it('closes a resolved item when rated and reopens it through the system action', () => {
    expect(nextStatus(RequestStatus.Resolved, RequestAction.Rate)).toBe(RequestStatus.Closed);
    expect(nextStatus(RequestStatus.Resolved, RequestAction.Reopen)).toBe(RequestStatus.InProgress);
  });

  it('allows no action at all out of a final status', () => {
    for (const status of FINAL_STATUSES) {
      for (const action of Object.values(RequestAction)) {
        expect(nextStatus(status, action)).toBeUndefined();
      }
      expect(isFinal(status)).toBe(true);
    }
  });

  it('lets only the owner cancel, and only before acceptance', () => {
    expect(availableActions(RequestStatus.PendingAccept, 'owner')).toEqual([RequestAction.Cancel]);
    expect(availableActions(RequestStatus.InProgress, 'owner')).toEqual([]);
    expect(availableActions(RequestStatus.PendingAccept, 'holder')).not.toContain(RequestAction.Cancel);
  });

  it('offers the owner only rating on a resolved item', () => {
    expect(availableActions(RequestStatus.Resolved, 'owner')).toEqual([RequestAction.Rate]);
  });

  it('lets escalation keep the item in the same status set (pending at the next level)', () => {
    expect(nextStatus(RequestStatus.InProgress, RequestAction.Escalate)).toBe(RequestStatus.PendingAccept);
  });

  it('reopens on an effect score of 2 or less and closes on 3 or more', () => {
    expect(ratingReopens(1)).toBe(true);
    expect(ratingReopens(2)).toBe(true);
    expect(ratingReopens(3)).toBe(false);
    expect(ratingReopens(5)).toBe(false);
  });

  it('never defines the same action twice from one status', () => {
    const seen = new Set<string>();
    for (const t of TRANSITIONS) {
      for (const from of t.from) {
        const key = `${t.action}:${from}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });

  it('lets only a liaison resolve a whistled item, and only the holder one in progress', () => {
    expect(availableActions(RequestStatus.Whistled, 'liaison')).toEqual([
      RequestAction.AddProgress,
      RequestAction.Resolve,
      RequestAction.ReturnWhistle,
      RequestAction.Report,
      RequestAction.ReturnAssist,
    ]);
    expect(availableActions(RequestStatus.Whistled, 'holder')).toEqual([RequestAction.AddProgress, RequestAction.RequestExtension]);
    expect(availableActions(RequestStatus.InProgress, 'liaison')).toEqual([]);
  });

  it('sends a returned whistle back to the street in progress, where it can be whistled again', () => {
    expect(nextStatus(RequestStatus.Whistled, RequestAction.ReturnWhistle)).toBe(RequestStatus.InProgress);
    expect(nextStatus(RequestStatus.InProgress, RequestAction.Whistle)).toBe(RequestStatus.Whistled);
  });

  it('keeps the whistled status when a department reports in or an assisting one leaves', () => {
    expect(nextStatus(RequestStatus.Whistled, RequestAction.Report)).toBe(RequestStatus.Whistled);
    expect(nextStatus(RequestStatus.Whistled, RequestAction.ReturnAssist)).toBe(RequestStatus.Whistled);
  });

  it('reopens a poorly rated whistled item back to its department through the system', () => {
    expect(nextStatus(RequestStatus.Resolved, RequestAction.ReopenToDepartment)).toBe(RequestStatus.Whistled);
    expect(availableActions(RequestStatus.Resolved, 'system')).toContain(RequestAction.ReopenToDepartment);
  });

  it('records extensions (延期) without changing the status: the holder asks, the level above decides', () => {
    for (const status of [RequestStatus.PendingAccept, RequestStatus.InProgress, RequestStatus.Whistled]) {
      expect(nextStatus(status, RequestAction.RequestExtension)).toBe(status);
      expect(nextStatus(status, RequestAction.DecideExtension)).toBe(status);
    }
    expect(availableActions(RequestStatus.InProgress, 'holder')).toContain(RequestAction.RequestExtension);
    expect(availableActions(RequestStatus.InProgress, 'supervisor')).toEqual([RequestAction.DecideExtension]);
    expect(nextStatus(RequestStatus.Closed, RequestAction.RequestExtension)).toBeUndefined();
    expect(nextStatus(RequestStatus.Resolved, RequestAction.DecideExtension)).toBeUndefined();
  });

  it('draws every transition in the generated diagram', () => {
    const diagram = lifecycleMermaid();
    expect(diagram).toContain('PENDING_ACCEPT --> IN_PROGRESS: 签收 (holder)');
    expect(diagram).toContain('RESOLVED --> CLOSED: 评价 (owner)');
  });
});
