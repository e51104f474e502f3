"""`kpu-desk demo`: a believable office to try KPU Desk on."""
