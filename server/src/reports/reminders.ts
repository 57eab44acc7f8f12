/**
 * Overdue reminders: for each unit late in a round, a Bahasa Indonesia text ready to paste into a letter or a
 * message (unit, round, due date as a letter writes it, days late). Pure: built from the round progress.
 */
import { daysBetween, dateText, longDateText, officeDate } from './period.js';
import type { Reminder, RoundProgress, RoundReminders, UnitProgress } from './reports.contract.js';

function reminderText(u: UnitProgress, round: RoundProgress['round'], today: string, daysLate: number): string {
  const opening = `Yth. Pimpinan ${u.unitName}\nPerihal: Pengingat penyampaian data pemutakhiran Daftar Informasi Publik\n\nDengan hormat,\n`;
  const due = `batas waktu penyampaian data untuk putaran pemutakhiran "${round.title}" adalah ${longDateText(round.dueDate)}`;
  const body =
    u.timing === 'missing'
      ? `Bersama ini kami sampaikan bahwa ${due}. Sampai dengan ${dateText(today)}, data dari ${u.unitName} belum kami terima ` +
        `(terlambat ${daysLate} hari). Mohon data tersebut segera disampaikan kepada PPID melalui DIP Sync atau templat yang telah dikirimkan.`
      : `Bersama ini kami sampaikan bahwa ${due}. Sebanyak ${u.openReturned} baris data dari ${u.unitName} telah kami kembalikan untuk ` +
        `diperbaiki dan sampai dengan ${dateText(today)} belum disampaikan kembali (${daysLate} hari melewati batas waktu). ` +
        'Mohon perbaikannya segera disampaikan kepada PPID melalui DIP Sync.';
  return `${opening}${body}\n\nAtas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.\n\nPPID`;
}

/**
 * Units to remind: those that sent nothing although the due date has passed, and those whose returned rows are
 * still with them after it. Before the due date nobody is late, so the list is empty.
 */
export function buildReminders(progress: RoundProgress, now: Date): RoundReminders {
  const today = officeDate(now);
  const pastDue = now.getTime() > Date.parse(progress.round.dueAt);
  const daysLate = Math.max(1, daysBetween(progress.round.dueDate, today));
  const reminders: Reminder[] = progress.units
    .filter((u) => pastDue && (u.timing === 'missing' || u.review === 'returned'))
    .map((u) => ({
      unitCode: u.unitCode,
      unitName: u.unitName,
      reason: u.timing === 'missing' ? 'missing' : 'returned',
      daysLate,
      openReturned: u.openReturned,
      text: reminderText(u, progress.round, today, daysLate),
    }));
  return { round: progress.round, asOf: now.toISOString(), dueDateText: longDateText(progress.round.dueDate), reminders };
}
