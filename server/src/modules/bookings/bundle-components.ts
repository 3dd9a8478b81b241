import { In, type EntityManager } from 'typeorm';
import { ServiceOfferingEntity } from '../services/service.entities';

/** Names of the component services of the bundles among `services` (a bundle is booked, served and rated as one visit). */
export async function bundleComponents(manager: EntityManager, services: readonly ServiceOfferingEntity[]): Promise<Map<number, { id: number; name: string }[]>> {
  const ids = [...new Set(services.flatMap((s) => s.bundleServiceIds))];
  const result = new Map<number, { id: number; name: string }[]>();
  if (ids.length === 0) return result;
  const rows = await manager.find(ServiceOfferingEntity, { select: { id: true, name: true }, where: { id: In(ids) } });
  const names = new Map(rows.map((r) => [r.id, r.name]));
  for (const service of services) {
    result.set(
      service.id,
      service.bundleServiceIds.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id) as string })),
    );
  }
  return result;
}
