/**
 * Interface text of the reporter's rating of the answer (ADR 0029): the track page's form and
 * the console's rating on the case page. Bahasa Indonesia first; merged into `messages.ts`.
 */
export const satisfactionMessagesId = {
  'caseEvent.RATED': 'Pelapor menilai jawaban',

  'rating.heading': 'Penilaian jawaban',
  'rating.question': 'Apakah Anda puas dengan jawaban atas laporan ini?',
  'rating.help': 'Penilaian Anda dibaca petugas instansi. Anda dapat mengubahnya sampai laporan ditutup.',
  'rating.satisfied': 'Puas',
  'rating.notSatisfied': 'Tidak puas',
  'rating.comment': 'Komentar (tidak wajib)',
  'rating.commentHelp': 'Paling banyak {max} karakter. Jangan tuliskan data pribadi.',
  'rating.submit': 'Kirim penilaian',
  'rating.change': 'Ubah penilaian',
  'rating.saved': 'Terima kasih, penilaian Anda tersimpan.',
  'rating.current': 'Penilaian Anda: {verdict} ({at}).',
  'rating.yourComment': 'Komentar Anda: {comment}',
  'rating.closed': 'Laporan ini sudah ditutup; penilaian tidak dapat diubah lagi.',
  'rating.choose': 'Pilih puas atau tidak puas.',
  'rating.refused': 'Penilaian tidak dapat disimpan: laporan ini belum dijawab atau sudah ditutup.',

  'staffRating.heading': 'Penilaian pelapor',
  'staffRating.none': 'Pelapor belum menilai jawaban.',
  'staffRating.verdict': 'Pelapor {verdict} dengan jawaban.',
  'staffRating.satisfied': 'puas',
  'staffRating.notSatisfied': 'tidak puas',
  'staffRating.ratedAt': 'Dinilai {at}',
  'staffRating.changedAt': 'diubah {at}',
  'staffRating.comment': 'Komentar pelapor',
  'staffRating.note': 'Hanya pelapor yang dapat memberi atau mengubah penilaian. Riwayat perubahannya ada di linimasa.',
  'staffRating.event.satisfied': 'Puas',
  'staffRating.event.notSatisfied': 'Tidak puas',
} as const;

export type SatisfactionMessageKey = keyof typeof satisfactionMessagesId;

export const satisfactionMessagesEn: Record<SatisfactionMessageKey, string> = {
  'caseEvent.RATED': 'The reporter rated the answer',

  'rating.heading': 'Rating the answer',
  'rating.question': 'Are you satisfied with the answer to this report?',
  'rating.help': "The agency's staff read your rating. You can change it until the report is closed.",
  'rating.satisfied': 'Satisfied',
  'rating.notSatisfied': 'Not satisfied',
  'rating.comment': 'Comment (optional)',
  'rating.commentHelp': 'At most {max} characters. Do not write personal data.',
  'rating.submit': 'Send rating',
  'rating.change': 'Change rating',
  'rating.saved': 'Thank you, your rating is saved.',
  'rating.current': 'Your rating: {verdict} ({at}).',
  'rating.yourComment': 'Your comment: {comment}',
  'rating.closed': 'This report is closed; the rating can no longer be changed.',
  'rating.choose': 'Choose satisfied or not satisfied.',
  'rating.refused': 'The rating could not be saved: this report has not been answered yet or is already closed.',

  'staffRating.heading': "Reporter's rating",
  'staffRating.none': 'The reporter has not rated the answer.',
  'staffRating.verdict': 'The reporter is {verdict} with the answer.',
  'staffRating.satisfied': 'satisfied',
  'staffRating.notSatisfied': 'not satisfied',
  'staffRating.ratedAt': 'Rated {at}',
  'staffRating.changedAt': 'changed {at}',
  'staffRating.comment': "Reporter's comment",
  'staffRating.note': 'Only the reporter can give or change the rating. Its history is in the timeline.',
  'staffRating.event.satisfied': 'Satisfied',
  'staffRating.event.notSatisfied': 'Not satisfied',
};
