import { expect } from 'chai';
import { render } from '../../engine/messages/index.js';
import {
  canDeploy, canManageUsers, canOverseeTenant, hasRole, isPlatformAdmin, isRole, isStaffOnly, isTaskCandidate, parseRoles, ROLES,
  type Principal,
} from '../../engine/auth/roles.js';

const platform: Principal = { username: 'admin', tenant: null, roles: ['platform-admin'] };
const adminSemarang: Principal = { username: 'wati', tenant: 'semarang', roles: ['admin'] };
const analyst: Principal = { username: 'rudi', tenant: 'semarang', roles: ['analyst', 'staff'] };
const staff: Principal = { username: 'budi', tenant: 'semarang', roles: ['staff'], groups: ['kepala-dinas-pu', 'sekretariat'] };

describe('auth: roles', () => {
  it('knows exactly the four roles of the API', () => {
    expect(ROLES).to.deep.equal(['platform-admin', 'admin', 'analyst', 'staff']);
    expect(isRole('analyst')).to.equal(true);
    expect(isRole('kepala-dinas-pu')).to.equal(false);
  });

  it('validates a role list from a request', () => {
    expect(parseRoles(['staff', 'analyst', 'staff'])).to.deep.equal({ ok: true, roles: ['staff', 'analyst'] });
    const empty = parseRoles([]);
    expect(empty.ok ? '' : render(empty.message, 'en')).to.equal('Roles must be a non-empty list.');
    const bad = parseRoles(['staff', 'superuser']);
    expect(bad.ok ? '' : render(bad.message, 'en')).to.equal('Unknown role "superuser"; known roles are platform-admin, admin, analyst and staff.');
    expect(bad.ok ? '' : render(bad.message, 'id')).to.equal('Peran "superuser" tidak dikenal; peran yang dikenal: platform-admin, admin, analyst dan staff.');
  });

  it('answers hasRole for any of several roles', () => {
    expect(hasRole(analyst, 'admin', 'analyst')).to.equal(true);
    expect(hasRole(staff, 'admin', 'analyst')).to.equal(false);
    expect(isPlatformAdmin(platform)).to.equal(true);
    expect(isPlatformAdmin(adminSemarang)).to.equal(false);
  });

  it('tells staff-only users from those who oversee the tenant', () => {
    expect(isStaffOnly(staff)).to.equal(true);
    expect(isStaffOnly(analyst)).to.equal(false);
    expect(canOverseeTenant(analyst)).to.equal(true);
    expect(canOverseeTenant(staff)).to.equal(false);
    expect(canDeploy(adminSemarang)).to.equal(true);
    expect(canDeploy(staff)).to.equal(false);
  });

  it('lets only the platform admin or that tenant\'s admin manage its users', () => {
    expect(canManageUsers(platform, 'batang')).to.equal(true);
    expect(canManageUsers(adminSemarang, 'semarang')).to.equal(true);
    expect(canManageUsers(adminSemarang, 'batang')).to.equal(false);
    expect(canManageUsers(analyst, 'semarang')).to.equal(false);
  });

  it('finds task candidates by username or group', () => {
    expect(isTaskCandidate(staff, { candidateGroups: ['kepala-dinas-pu'] })).to.equal(true);
    expect(isTaskCandidate(staff, { candidateUsers: ['budi'] })).to.equal(true);
    expect(isTaskCandidate(staff, { candidateGroups: ['bappeda'], candidateUsers: ['siti'] })).to.equal(false);
    expect(isTaskCandidate(analyst, { candidateGroups: ['sekretariat'], candidateUsers: null })).to.equal(false);
  });
});
