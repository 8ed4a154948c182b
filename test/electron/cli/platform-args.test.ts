import { describe, expect, it } from 'vitest'
import { filterDate, parseListArgs, parseListFilter, parseMarkArgs, parseSpeakersArgs } from '../../../electron/cli/commands/platform-args'
import { UsageError } from '../../../electron/cli/usage-error'

describe('sdte list arguments', () => {
  it.each<[string[], Record<string, unknown>]>([
    [[], { page: 1, pageSize: 10, all: false, json: false, filters: {} }],
    [['--workspace', '3', '--workspace=4', '--status', '30', '--status', '31', '--integration-status', '2'], { filters: { workspaceIds: [3, 4], taskStatuses: [30, 31], integrationStatuses: [2] } }],
    [['--external-status', 'never', '--from', '2026-03-01', '--to', '2026-03-31'], { filters: { externalStatus: 'never', from: '2026-03-01T00:00:00Z', to: '2026-03-31T23:59:59Z' } }],
    [['--all', '--json'], { all: true, json: true, pageSize: 100 }],
    [['--page', '3', '--page-size', '25', '--sort', 'displayName', '--timeout', '5'], { page: 3, pageSize: 25, filters: { sort: 'displayName' }, timeoutMs: 5000 }]
  ])('%j', (argv, expected) => {
    expect(parseListArgs(argv)).toMatchObject(expected)
  })

  it.each<[string[], RegExp]>([
    [['--page', '0'], /--page must be a whole number of at least 1/],
    [['--page-size', '101'], /--page-size must be a whole number from 1 to 100/],
    [['--workspace', 'x'], /--workspace must be a whole number/],
    [['--external-status', 'x'.repeat(33)], /at most 32 characters/],
    [['--from', '03/01/2026'], /--from must be a date/],
    [['--all', '--page', '2'], /--all lists every page/],
    [['--json=yes'], /--json takes no value/],
    [['--sort', 'a;b'], /--sort must be a field name/],
    [['--colour', 'red'], /unknown option --colour/],
    [['--external-status', 'a', '--external-status', 'b'], /given twice/]
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseListArgs(argv)).toThrow(message)
    expect(() => parseListArgs(argv)).toThrow(UsageError)
  })
})

describe('--list-filter', () => {
  it('reads the list options as a query', () => {
    expect(parseListFilter('workspace=3&workspace=4&external-status=never&from=2026-01-01')).toEqual({ workspaceIds: [3, 4], externalStatus: 'never', from: '2026-01-01T00:00:00Z' })
    expect(parseListFilter('')).toEqual({})
    expect(() => parseListFilter('page=2')).toThrow(/unknown filter "page"/)
    expect(() => parseListFilter('status=x')).toThrow(/--list-filter status must be a whole number/)
  })
  it('normalises full times to UTC', () => {
    expect(filterDate('2026-03-01T12:00:00+01:00', '--from', false)).toBe('2026-03-01T11:00:00Z')
  })
})

describe('sdte speakers and sdte mark arguments', () => {
  it('speakers', () => {
    expect(parseSpeakersArgs(['push', '--task', '5', '--input', 'd.json', '--dry-run'])).toMatchObject({ action: 'push', taskId: 5, input: 'd.json', dryRun: true })
    expect(parseSpeakersArgs(['pull', '--task', '5', '--workspace', '7'])).toMatchObject({ action: 'pull', workspaceId: 7 })
    expect(() => parseSpeakersArgs(['push', '--task', '5'])).toThrow(/needs --input/)
    expect(() => parseSpeakersArgs(['pull', '--task', '5', '--dry-run'])).toThrow(/unknown option --dry-run/)
    expect(() => parseSpeakersArgs(['sync'])).toThrow(UsageError)
  })
  it('mark', () => {
    expect(parseMarkArgs(['--task', '9'])).toMatchObject({ ref: { taskId: 9 }, value: 'reviewed' })
    expect(parseMarkArgs(['--external-id', 'A-1', '--status', ' done '])).toMatchObject({ ref: { externalId: 'A-1' }, value: 'done' })
    expect(() => parseMarkArgs(['--task', '9', '--external-id', 'A'])).toThrow(/one of --task/)
    expect(() => parseMarkArgs([])).toThrow(/one of --task/)
  })
})
