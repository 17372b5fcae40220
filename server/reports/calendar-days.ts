// The calendar moved to protocol/ (the queue core's appointment rules need it too); the
// reports, the simulator and the city server keep importing it from here.
export * from '@protocol/calendar-days';
