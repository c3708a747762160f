/**
 * Interface text of the console's notifications page and its link in the header.
 * Bahasa Indonesia first; merged into `messages.ts`.
 */
export const consoleNotificationMessagesId = {
  'console.notifications': 'Notifikasi',
  'console.unread': '{count} baru',
  'console.unreadMany': '99+ baru',

  'notifications.title': 'Notifikasi',
  'notifications.intro':
    'Pengingat tenggat, aduan yang lewat tenggat dan dieskalasi, serta aduan yang menunggu atau ditutup karena pelapor tidak menjawab. Terbaru di atas.',
  'notifications.secretariatIntro': 'Aduan instansi di {province} yang lewat tenggat dan dieskalasi kepada sekretariat daerah. Terbaru di atas.',
  'notifications.unreadTotal': '{count} belum dibaca',
  'notifications.allRead': 'Semua notifikasi sudah dibaca.',
  'notifications.empty': 'Belum ada notifikasi.',
  'notifications.caption': 'Notifikasi, terbaru di atas',
  'notifications.colKind': 'Jenis',
  'notifications.colCase': 'Aduan',
  'notifications.colAgency': 'Instansi',
  'notifications.colStatus': 'Status aduan',
  'notifications.colDeadline': 'Tenggat tahap',
  'notifications.colWhen': 'Waktu',
  'notifications.colRead': 'Dibaca',
  'notifications.noDeadline': 'Tidak ada',
  'notifications.unread': 'Belum dibaca',
  'notifications.read': 'Sudah dibaca',
  'notifications.markRead': 'Tandai dibaca',
  'notifications.markReadOf': ' ({kind}, aduan {number})',
  'notifications.markAll': 'Tandai semua sudah dibaca',
  'notifications.gone': 'Sebagian notifikasi itu tidak lagi ada di daftar Anda (aduannya mungkin sudah tidak dapat Anda buka). Daftar sudah dimuat ulang.',
  'notificationKind.REMINDER': 'Pengingat tenggat',
  'notificationKind.OVERDUE': 'Lewat tenggat, dieskalasi',
  'notificationKind.SILENCE_NOTICE': 'Pelapor belum menjawab',
  'notificationKind.SILENCE_CLOSED': 'Ditutup: pelapor tidak menjawab',
  'escalationSource.SLA_SWEEP': 'oleh sistem',
  'escalationSource.REPORTER': 'oleh pelapor',
  'flash.notificationsRead': 'Notifikasi ditandai sudah dibaca.',
};

export type ConsoleNotificationMessageKey = keyof typeof consoleNotificationMessagesId;

export const consoleNotificationMessagesEn: Record<ConsoleNotificationMessageKey, string> = {
  'console.notifications': 'Notifications',
  'console.unread': '{count} new',
  'console.unreadMany': '99+ new',

  'notifications.title': 'Notifications',
  'notifications.intro':
    'Deadline reminders, cases past their deadline and escalated, and cases waiting on or closed because the reporter did not answer. Newest first.',
  'notifications.secretariatIntro':
    'Cases of the agencies in {province} that passed their deadline and were escalated to the regional secretariat. Newest first.',
  'notifications.unreadTotal': '{count} unread',
  'notifications.allRead': 'All notifications are read.',
  'notifications.empty': 'No notifications yet.',
  'notifications.caption': 'Notifications, newest first',
  'notifications.colKind': 'Kind',
  'notifications.colCase': 'Case',
  'notifications.colAgency': 'Agency',
  'notifications.colStatus': 'Case status',
  'notifications.colDeadline': 'Stage deadline',
  'notifications.colWhen': 'When',
  'notifications.colRead': 'Read',
  'notifications.noDeadline': 'None',
  'notifications.unread': 'Unread',
  'notifications.read': 'Read',
  'notifications.markRead': 'Mark read',
  'notifications.markReadOf': ' ({kind}, case {number})',
  'notifications.markAll': 'Mark all as read',
  'notifications.gone': 'Some of those notifications are no longer on your list (you may no longer be able to open the case). The list has been reloaded.',
  'notificationKind.REMINDER': 'Deadline reminder',
  'notificationKind.OVERDUE': 'Overdue, escalated',
  'notificationKind.SILENCE_NOTICE': 'Reporter has not answered',
  'notificationKind.SILENCE_CLOSED': 'Closed: the reporter did not answer',
  'escalationSource.SLA_SWEEP': 'by the system',
  'escalationSource.REPORTER': 'by the reporter',
  'flash.notificationsRead': 'Notifications marked as read.',
};
