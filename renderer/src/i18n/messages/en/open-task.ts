/** The open-task dialog. */
export const openTask = {
  title: 'Open a transcript task',
  findBy: 'Find the task by',
  taskId: 'Task id',
  externalId: 'External id',
  taskIdField: 'SmartDocumentor task id',
  externalIdField: 'Your external id',
  badTaskId: 'A task id is a whole number, e.g. 1001. Use "External id" for your own identifiers.',
  recentTasks: 'Recent tasks',
  recent: 'Recent'
}
