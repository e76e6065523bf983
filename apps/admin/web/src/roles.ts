/** What each role may open: the menu and the routes follow this (the services still check every call). */
export const HANDLERS = ['grid_worker', 'village_staff', 'town_centre', 'district_centre', 'department_staff', 'department_head'];
export const CASE_READERS = [...HANDLERS, 'operator', 'supervisor', 'leader', 'admin'];
export const ADMINS = ['admin'];
