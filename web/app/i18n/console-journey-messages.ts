/**
 * Interface text of the console's journeys: the page a staff member gets for a case they may
 * not open. Bahasa Indonesia first; merged into `messages.ts`.
 */
export const consoleJourneyMessagesId = {
  'caseUnavailable.title': 'Aduan ini tidak dapat Anda buka',
  'caseUnavailable.body':
    'Alamat ini tidak membuka aduan untuk Anda. Aduan itu tidak ada, atau tidak terbuka bagi Anda: misalnya Anda dikecualikan karena benturan kepentingan, aduan dibatasi untuk penangan tertentu, atau aduan milik instansi lain.',
  'caseUnavailable.ask': 'Jika menurut Anda seharusnya dapat membukanya, hubungi pimpinan instansi Anda.',
  'caseUnavailable.toInbox': 'Kembali ke kotak masuk',
  'caseUnavailable.toConsole': 'Kembali ke konsol',
};

export const consoleJourneyMessagesEn: Record<keyof typeof consoleJourneyMessagesId, string> = {
  'caseUnavailable.title': 'You cannot open this case',
  'caseUnavailable.body':
    'This address opens no case for you. The case does not exist, or it is not open to you: for example you are excluded for a conflict of interest, it is restricted to named handlers, or it belongs to another agency.',
  'caseUnavailable.ask': 'If you think you should be able to open it, ask the head of your agency.',
  'caseUnavailable.toInbox': 'Back to the inbox',
  'caseUnavailable.toConsole': 'Back to the console',
};
