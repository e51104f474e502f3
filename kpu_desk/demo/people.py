"""Believable Indonesian names, institutions and purposes for the demo office."""

FIRST_NAMES = (
    "Agus", "Budi", "Dewi", "Siti", "Sri", "Eko", "Rina", "Wahyu", "Putri", "Joko", "Ani", "Bambang",
    "Hendra", "Lestari", "Yuli", "Rudi", "Indah", "Fajar", "Nur", "Dian", "Arif", "Ratna", "Teguh",
    "Wulan", "Slamet", "Fitri", "Bayu", "Endang", "Andi", "Maria", "Yohanes", "Ketut", "Made", "Nyoman",
    "Ahmad", "Muhammad", "Rahmat", "Suparman", "Yosef", "Fransiska", "Hadi", "Kurniawan", "Sulastri",
)
LAST_NAMES = (
    "Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Nugroho", "Setiawan", "Pratama", "Kusuma",
    "Purnomo", "Susanto", "Rahayu", "Handayani", "Wibowo", "Siregar", "Nasution", "Harahap", "Simanjuntak",
    "Manafe", "Ndun", "Fanggidae", "Tanone", "Suharto", "Gunawan", "Prasetyo", "Maharani", "Utami",
)
INSTITUTIONS = (
    "Bawaslu Kabupaten Karanganyar", "Partai Gerakan Rakyat", "Partai Persatuan Nusantara",
    "Universitas Sebelas Maret", "Universitas Nusa Cendana", "Dinas Kependudukan dan Pencatatan Sipil",
    "Kesbangpol Kabupaten", "Polres Karanganyar", "Koramil 01", "SMA Negeri 1 Karanganyar",
    "Harian Solopos", "Radio Suara Warga", "LSM Peduli Pemilu", "Kantor Kecamatan Jaten",
    "PPK Kecamatan Tasikmadu", "Pengadilan Negeri Karanganyar", "Bank Jateng Cabang Karanganyar",
)
VISIT_PURPOSES = (
    "Koordinasi persiapan pemilihan", "Konsultasi pendaftaran partai politik", "Permohonan data DPT",
    "Audiensi dengan Ketua KPU", "Penelitian skripsi tentang partisipasi pemilih",
    "Penyerahan surat undangan", "Liputan kegiatan sosialisasi", "Konfirmasi jadwal rapat pleno",
    "Pengambilan salinan keputusan", "Sosialisasi pendidikan pemilih di sekolah",
)
HOSTS = (  # whom a guest asks for at the desk: a position, or a name with it
    "Ketua KPU", "Sekretaris", "Bambang Setiawan (Ketua)", "Siti Rahayu (Anggota Divisi Hukum)",
    "Kasubag Keuangan, Umum dan Logistik", "Kasubag Hukum dan SDM", "PPID", "Bagian Teknis",
)
INFORMATION_REQUESTS = (
    "Salinan Keputusan KPU tentang penetapan hasil pemilihan", "Data rekapitulasi DPT per kecamatan",
    "Daftar nama anggota PPK dan PPS", "Laporan dana kampanye peserta pemilu",
    "Salinan berita acara rapat pleno rekapitulasi", "Data partisipasi pemilih per TPS",
)
COMPLAINTS = (
    "Nama tidak terdaftar dalam DPT padahal sudah berusia 17 tahun",
    "Petugas PPS meminta biaya untuk surat pindah memilih",
    "Alat peraga sosialisasi rusak dan belum diganti", "Pelayanan informasi di kantor lambat",
    "Data pemilih ganda di TPS 04", "Jadwal bimbingan teknis tidak diumumkan",
)
