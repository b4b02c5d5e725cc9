import { Paper, Tabs } from '@mantine/core';
import type { CustomerProfile, Store } from '../../api/types.ts';
import { ContactHistory } from '../delivery/ContactHistory.tsx';
import { AppointmentsTable } from './AppointmentsTable.tsx';
import { DealsTable } from './DealsTable.tsx';
import { VehiclesTable } from './VehiclesTable.tsx';
import { VisitsTable } from './VisitsTable.tsx';

export type ProfileTab = 'vehicles' | 'visits' | 'appointments' | 'deals' | 'history';
const TABS: readonly ProfileTab[] = ['vehicles', 'visits', 'appointments', 'deals', 'history'];
const isProfileTab = (v: string | null): v is ProfileTab => TABS.some((t) => t === v);

/** Vehicles, service visits, appointments, deals (one tab each with its count) and the contact history. */
export function ProfileTabs({
  profile,
  store,
  tab,
  onTabChange,
}: {
  profile: CustomerProfile;
  store: Store | undefined;
  tab: ProfileTab;
  onTabChange: (tab: ProfileTab) => void;
}) {
  const { vehicles, visits, appointments, deals } = profile;
  const timeZone = store?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Paper withBorder p="xs">
      <Tabs value={tab} onChange={(v) => isProfileTab(v) && onTabChange(v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="vehicles">Vehicles ({vehicles.length})</Tabs.Tab>
          <Tabs.Tab value="visits">Service visits ({visits.length})</Tabs.Tab>
          <Tabs.Tab value="appointments">Appointments ({appointments.length})</Tabs.Tab>
          <Tabs.Tab value="deals">Deals ({deals.length})</Tabs.Tab>
          <Tabs.Tab value="history">Contact history</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="vehicles" pt="xs">
          <VehiclesTable vehicles={vehicles} />
        </Tabs.Panel>
        <Tabs.Panel value="visits" pt="xs">
          <VisitsTable visits={visits} vehicles={vehicles} country={store?.country} />
        </Tabs.Panel>
        <Tabs.Panel value="appointments" pt="xs">
          <AppointmentsTable appointments={appointments} vehicles={vehicles} timeZone={timeZone} />
        </Tabs.Panel>
        <Tabs.Panel value="deals" pt="xs">
          <DealsTable deals={deals} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="xs">
          <ContactHistory customerId={profile.customer.id} timeZone={timeZone} storeName={store?.name ?? ''} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
