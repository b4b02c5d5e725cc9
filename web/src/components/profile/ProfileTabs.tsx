import { Paper, Tabs } from '@mantine/core';
import type { CustomerProfile, Store } from '../../api/types.ts';
import { AppointmentsTable } from './AppointmentsTable.tsx';
import { DealsTable } from './DealsTable.tsx';
import { VehiclesTable } from './VehiclesTable.tsx';
import { VisitsTable } from './VisitsTable.tsx';

/** Vehicles, service visits, appointments and deals, one tab each with its count. */
export function ProfileTabs({ profile, store }: { profile: CustomerProfile; store: Store | undefined }) {
  const { vehicles, visits, appointments, deals } = profile;
  return (
    <Paper withBorder p="xs">
      <Tabs defaultValue="vehicles" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="vehicles">Vehicles ({vehicles.length})</Tabs.Tab>
          <Tabs.Tab value="visits">Service visits ({visits.length})</Tabs.Tab>
          <Tabs.Tab value="appointments">Appointments ({appointments.length})</Tabs.Tab>
          <Tabs.Tab value="deals">Deals ({deals.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="vehicles" pt="xs">
          <VehiclesTable vehicles={vehicles} />
        </Tabs.Panel>
        <Tabs.Panel value="visits" pt="xs">
          <VisitsTable visits={visits} vehicles={vehicles} country={store?.country} />
        </Tabs.Panel>
        <Tabs.Panel value="appointments" pt="xs">
          <AppointmentsTable
            appointments={appointments}
            vehicles={vehicles}
            timeZone={store?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
          />
        </Tabs.Panel>
        <Tabs.Panel value="deals" pt="xs">
          <DealsTable deals={deals} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
