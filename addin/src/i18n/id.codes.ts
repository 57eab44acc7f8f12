/**
 * Messages for the server's error codes (server/src/**: AppError codes), Bahasa Indonesia. Each says what happened
 * and what to do next; the server's own text is never shown. A code missing here falls back to the HTTP status text.
 */
export const idCodes = {
  unauthorized: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  invalid_credentials: 'Nama pengguna atau kata sandi salah.',
  too_many_attempts: 'Terlalu banyak percobaan masuk. Tunggu beberapa menit, lalu coba lagi.',
  rate_limited: 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
  forbidden: 'Peran Anda tidak diizinkan melakukan ini.',
  not_found: 'Data yang diminta tidak ditemukan di server.',
  stale_base: 'Register sudah berubah sejak versi dasar Anda. Tarik versi terbaru lalu terapkan ulang perubahan Anda.',
  precondition_required: 'Server meminta versi dasar yang jelas. Tarik versi terbaru terlebih dahulu.',
  invalid_precondition: 'Versi dasar yang dikirim tidak sah. Tarik versi terbaru terlebih dahulu.',
  idempotency_key_reused: 'Pengiriman ini bentrok dengan pengiriman sebelumnya. Bandingkan ulang, lalu kirim lagi.',
  invalid_idempotency_key: 'Pengiriman tidak sah. Bandingkan ulang, lalu kirim lagi.',
  duplicate_row_id: 'Ada ID baris yang sama pada lebih dari satu baris. Periksa lembar, lalu kirim lagi.',
  invalid_body: 'Isi lembar tidak sesuai format yang diterima server. Periksa lembar terlebih dahulu.',
  malformed_request: 'Permintaan tidak dapat dibaca server.',
  unsupported_content_type: 'Permintaan tidak dapat dibaca server.',
  payload_too_large: 'Lembar terlalu besar untuk dikirim sekaligus. Hubungi admin untuk menaikkan batasnya.',
  internal_error: 'Server sedang bermasalah. Coba lagi beberapa saat lagi.',
  bad_response: 'Jawaban server tidak dapat dibaca. Periksa alamat server.',
  database_unavailable: 'Basis data server sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
  server_busy: 'Server sedang sibuk. Coba lagi sebentar lagi.',
  // Approval workflow
  four_eyes_violation:
    'Anda tidak boleh menyetujui versi ini karena Anda sendiri yang mendorong atau mengajukannya (prinsip empat mata). Minta Atasan PPID lain untuk menyetujuinya.',
  content_hash_mismatch:
    'Isi versi di server tidak sama dengan yang Anda tinjau, sehingga persetujuan tidak dicatat. Muat ulang versi ini, tinjau kembali, lalu setujui.',
  version_has_errors:
    'Versi ini masih memiliki kesalahan validasi sehingga tidak dapat disetujui. Minta PPID memperbaikinya, mendorong versi baru, lalu mengajukannya kembali.',
  version_not_submitted:
    'Versi ini tidak sedang menunggu persetujuan (mungkin sudah disetujui, ditolak, atau digantikan versi yang lebih baru). Muat ulang daftar.',
  version_not_draft: 'Hanya versi berstatus draf yang dapat diajukan. Muat ulang untuk melihat statusnya sekarang.',
  version_not_approved: 'Hanya versi yang sudah disetujui yang dapat diterbitkan. Muat ulang untuk melihat statusnya sekarang.',
  older_than_published: 'Versi ini tidak lebih baru dari versi yang sudah terbit. Dorong versi baru terlebih dahulu.',
  newer_version_submitted: 'Versi yang lebih baru sedang menunggu persetujuan; versi lama ini tidak dapat diajukan lagi.',
  version_integrity_failed:
    'Versi ini tidak lolos pemeriksaan integritas (isinya tidak cocok dengan yang disetujui), sehingga tidak diterbitkan. Hubungi admin.',
  published_version_unverifiable: 'Versi terbit tidak dapat diperiksa saat ini. Coba lagi sebentar lagi; bila berulang, hubungi admin.',
  // Rounds and submissions
  round_closed: 'Putaran ini sudah ditutup: kiriman dan perubahan tidak diterima lagi.',
  due_date_past: 'Batas waktu sudah lewat. Pilih tanggal hari ini atau sesudahnya.',
  unknown_unit: 'Ada unit yang tidak dikenal server. Muat ulang daftar unit, lalu coba lagi.',
  no_units: 'Pilih paling sedikit satu unit kerja.',
  unit_required: 'Sebutkan unit kerjanya.',
  foreign_row_id: 'Sebagian baris di lembar bukan milik unit Anda (ID-nya milik register atau unit lain). Ambil ulang baris unit Anda ke lembar, lalu kirim lagi.',
  too_many_rows: 'Terlalu banyak baris untuk satu kiriman.',
  duplicate_decision: 'Ada baris yang diputuskan lebih dari sekali. Periksa keputusan Anda.',
  comment_required: 'Baris yang dikembalikan wajib diberi catatan: tuliskan apa yang perlu diperbaiki unit.',
  submission_superseded: 'Unit ini sudah mengirim ulang. Buka kiriman terbarunya, lalu tinjau kembali.',
  unknown_row: 'Sebagian baris tidak ada dalam kiriman ini. Muat ulang kiriman, lalu tinjau kembali.',
  wrong_unit: 'Template ini milik unit lain.',
  wrong_round: 'Template ini milik putaran lain.',
  template_outdated: 'Template ini sudah usang. Unduh template terbaru.',
};
