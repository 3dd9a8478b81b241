import { CreateRequestBody, NotificationView, RequestCategory, RequestDetail, Urgency } from '@gezhi/shared';
import type { ApiClient } from './test-app';
import { pngBytes } from './images';

/** A valid filing body (a leaking bathroom ceiling, from seed 003); override any field. */
export function requestBody(overrides: Partial<CreateRequestBody> & Record<string, unknown> = {}): CreateRequestBody {
  return {
    category: RequestCategory.Infrastructure,
    subcategory: 'LEAK',
    description: '卫生间吊顶渗水，怀疑是楼上防水层坏了，麻烦尽快协调处理。',
    urgency: Urgency.Normal,
    showNamePublicly: false,
    ...overrides,
  };
}

/** Uploads a freshly generated PNG as `client` and returns its id. */
export async function uploadPhoto(client: ApiClient, rgb: [number, number, number] = [30, 120, 200]): Promise<string> {
  const response = await client.upload(pngBytes({ rgb }), 'evidence.png').expect(201);
  return response.body.id as string;
}

/** Files a request as `client` (expects 201) and returns the detail. */
export async function fileRequest(client: ApiClient, overrides: Parameters<typeof requestBody>[0] = {}): Promise<RequestDetail> {
  const response = await client.post('/api/requests', requestBody(overrides));
  if (response.status !== 201) throw new Error(`filing failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as RequestDetail;
}

/** The caller's in-app notifications, newest first. */
export async function notificationsOf(client: ApiClient): Promise<NotificationView[]> {
  const response = await client.get('/api/notifications?pageSize=50').expect(200);
  return response.body.items as NotificationView[];
}

/**
 * Puts a grid-level request at STREET level through the public API: the grid leader escalates it to the
 * community (上报), the community officer escalates it to the street. Returns the detail at street level.
 */
export async function escalateToStreet(gridLeader: ApiClient, communityOfficer: ApiClient, requestId: number): Promise<RequestDetail> {
  await gridLeader.post(`/api/requests/${requestId}/escalate`, { reason: '需要社区协调处理' }).expect(200);
  const response = await communityOfficer.post(`/api/requests/${requestId}/escalate`, { reason: '需要街道协调相关部门' });
  if (response.status !== 200) throw new Error(`escalation to the street failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as RequestDetail;
}

/** Puts a grid-level request at COMMUNITY level through the public API (the grid leader escalates it). */
export async function escalateToCommunity(gridLeader: ApiClient, requestId: number): Promise<RequestDetail> {
  return (await gridLeader.post(`/api/requests/${requestId}/escalate`, { reason: '需要社区协调处理' }).expect(200)).body as RequestDetail;
}
