// The city app's client of the city server, typed by the city's registry
// (protocol/city-api.ts), with the managers' app's client and resource hook.
import { apiContext } from '../manager/api-client';
import { resourceHook } from '../manager/use-resource';
import type { CityOperations } from '@protocol/city-api';

const cityApi = apiContext<CityOperations>();
export const CityApiContext = cityApi.Context;
export const useCityApi = cityApi.use;
export const useCityResource = resourceHook(useCityApi);
