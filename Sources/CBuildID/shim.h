#ifndef MAATSTAF_CBUILDID_SHIM_H
#define MAATSTAF_CBUILDID_SHIM_H

// The running program's GNU build ID: the linker's hash of the program's contents, written into an ELF note. maatstaf
// keeps values it made from the store (the municipality atlas) only for the build that made them; another build,
// even one made from other sources with the same version number, has another ID and makes them anew. The kernel tells
// every program where its own program headers are (getauxval AT_PHDR); the note is found among the loaded segments,
// without reading the file.
#include <elf.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>

#if UINTPTR_MAX == 0xffffffffffffffffu
typedef Elf64_Phdr mst_phdr;
typedef Elf64_Nhdr mst_nhdr;
#else
typedef Elf32_Phdr mst_phdr;
typedef Elf32_Nhdr mst_nhdr;
#endif

typedef struct {
    unsigned char bytes[64];
    size_t count;
} mst_build_id;

/// The program's build ID, or a count of 0 when it has none (linked without --build-id).
static inline mst_build_id mst_program_build_id(void) {
    mst_build_id found;
    memset(&found, 0, sizeof(found));
    const mst_phdr *headers = (const mst_phdr *)getauxval(AT_PHDR);
    unsigned long count = getauxval(AT_PHNUM);
    if (headers == NULL || count == 0) return found;
    // Where the program was loaded: the program headers' own entry says where they sit in its address layout.
    uintptr_t bias = 0;
    for (unsigned long index = 0; index < count; index++) {
        if (headers[index].p_type == PT_PHDR) bias = (uintptr_t)headers - headers[index].p_vaddr;
    }
    for (unsigned long index = 0; index < count; index++) {
        const mst_phdr *header = &headers[index];
        if (header->p_type != PT_NOTE) continue;
        // Notes are 4-byte aligned, or 8 in a segment aligned to 8 (as GNU property notes are).
        size_t align = header->p_align == 8 ? 8 : 4;
        const char *note = (const char *)(bias + header->p_vaddr);
        const char *end = note + header->p_memsz;
        while (note + sizeof(mst_nhdr) <= end) {
            const mst_nhdr *entry = (const mst_nhdr *)note;
            const char *name = note + sizeof(mst_nhdr);
            const char *description = name + ((entry->n_namesz + align - 1) & ~(align - 1));
            const char *next = description + ((entry->n_descsz + align - 1) & ~(align - 1));
            if (next > end) break;
            if (entry->n_type == NT_GNU_BUILD_ID && entry->n_namesz == 4 && memcmp(name, "GNU", 4) == 0 &&
                entry->n_descsz > 0 && entry->n_descsz <= sizeof(found.bytes)) {
                memcpy(found.bytes, description, entry->n_descsz);
                found.count = entry->n_descsz;
                return found;
            }
            note = next;
        }
    }
    return found;
}

#endif
