import type { ActorFacts, AssignmentFacts, RequestFacts } from '@gezhi/shared';

/**
 * The signed-in user as the request rules see them (the User entity satisfies it), one department's part in a
 * whistle, and the facts about a request that access and transition rules depend on: defined in shared/
 * (shared/src/performers.ts) so the mini-program can work out the same performers; re-exported under the names
 * the server's modules use.
 */
export type Viewer = ActorFacts;
export type { AssignmentFacts, RequestFacts };
