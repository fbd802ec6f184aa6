import type { Route } from "./http/types";
import { documentRoutes } from "./http/documents";
import { lwaTokenRoutes } from "./lwa/token";
import { consentRoutes } from "./lwa/consent";
import { sellersRoutes } from "./spapi/sellers";
import { ordersV0Routes } from "./spapi/orders-v0";
import { orders2026Routes } from "./spapi/orders-2026";
import { controlRoutes } from "./control";
import { truthRoutes } from "./control-truth";
import { catalogRoutes } from "./spapi/catalog";
import { listingsRoutes } from "./spapi/listings";
import { inventoryRoutes } from "./spapi/inventory";
import { financesRoutes } from "./spapi/finances";
import { salesRoutes } from "./spapi/sales";
import { inboundRoutes } from "./spapi/inbound";
import { reportsRoutes } from "./spapi/reports";
import { profileRoutes } from "./ads/profiles";
import { spEntityRoutes } from "./ads/sp-entities";
import { adsReportingRoutes } from "./ads/reporting";
import { ecbRoutes } from "./ecb/feed";

export function allRoutes(): Route[] {
  return [
    ...lwaTokenRoutes,
    ...consentRoutes,
    ...documentRoutes,
    ...sellersRoutes,
    ...ordersV0Routes,
    ...orders2026Routes,
    ...profileRoutes,
    ...spEntityRoutes,
    ...adsReportingRoutes,
    ...reportsRoutes,
    ...catalogRoutes,
    ...listingsRoutes,
    ...inventoryRoutes,
    ...financesRoutes,
    ...salesRoutes,
    ...inboundRoutes,
    ...ecbRoutes,
    ...controlRoutes,
    ...truthRoutes,
  ];
}
