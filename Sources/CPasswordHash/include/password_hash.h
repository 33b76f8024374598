#ifndef VMWIZARD_PASSWORD_HASH_H
#define VMWIZARD_PASSWORD_HASH_H
#include <stddef.h>

/// Hashes `password` with crypt(3) for `setting` ("$5$SALT$": SHA-256-crypt, as Proxmox hashes cipassword)
/// into `out`. Returns 1 on success, 0 when crypt refuses (unknown method, bad salt).
int vmwizard_crypt(const char *password, const char *setting, char *out, size_t out_size);

#endif
