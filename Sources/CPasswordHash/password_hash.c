#include "password_hash.h"
#include <crypt.h>
#include <stdlib.h>
#include <string.h>

int vmwizard_crypt(const char *password, const char *setting, char *out, size_t out_size) {
    // crypt_r keeps its state in the caller's buffer, so concurrent calls are safe.
    struct crypt_data *data = calloc(1, sizeof *data);
    if (data == NULL || out_size == 0) {
        free(data);
        return 0;
    }
    const char *hashed = crypt_r(password, setting, data);
    int ok = hashed != NULL && hashed[0] == '$' && strlen(hashed) < out_size;
    if (ok) strcpy(out, hashed);
    explicit_bzero(data, sizeof *data);
    free(data);
    return ok;
}
