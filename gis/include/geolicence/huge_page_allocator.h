#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <sys/mman.h>
#include <vector>

namespace geolicence::detail {

// A std::allocator for the aggregation's large arrays (millions of rows: hash table, record
// columns, sort keys, the output table). Arrays of 2 MiB and more come from anonymous memory
// advised for transparent huge pages, so touching them faults in 2 MiB at a time instead of
// 4 KiB: on the virtual machines this runs on a page fault is expensive, and 5 M points gave
// ~300,000 of them (~0.3 s of 3.5). Smaller arrays, and systems where the advice is refused,
// get ordinary memory; nothing else changes.
template <typename T> class HugePageAllocator {
public:
    using value_type = T;

    HugePageAllocator() = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U>& /*other*/) {}

    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (n > static_cast<std::size_t>(-1) / sizeof(T)) {
            throw std::bad_array_new_length();
        }
        if (bytes < kHugePage) {
            if (void* memory = std::malloc(bytes == 0 ? 1 : bytes)) {
                return static_cast<T*>(memory);
            }
            throw std::bad_alloc();
        }
        // Huge pages need 2 MiB alignment: map a huge page more than needed and give back the
        // unaligned head and the tail.
        const std::size_t size = rounded(bytes);
        void* mapped = ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapped == MAP_FAILED) {
            throw std::bad_alloc();
        }
        auto* base = static_cast<char*>(mapped);
        const std::size_t head =
            (kHugePage - reinterpret_cast<std::uintptr_t>(base) % kHugePage) % kHugePage;
        if (head > 0) {
            ::munmap(base, head);
        }
        ::munmap(base + head + size, kHugePage - head);
        ::madvise(base + head, size, MADV_HUGEPAGE); // advice only: refusal is no error
        return reinterpret_cast<T*>(base + head);
    }

    void deallocate(T* pointer, std::size_t n) noexcept {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePage) {
            std::free(pointer);
        } else {
            ::munmap(pointer, rounded(bytes));
        }
    }

    template <typename U> bool operator==(const HugePageAllocator<U>& /*other*/) const {
        return true;
    }
    template <typename U> bool operator!=(const HugePageAllocator<U>& /*other*/) const {
        return false;
    }

private:
    static constexpr std::size_t kHugePage = std::size_t{2} << 20;
    static std::size_t rounded(std::size_t bytes) {
        return (bytes + kHugePage - 1) / kHugePage * kHugePage;
    }
};

// A vector of millions of elements (see HugePageAllocator).
template <typename T> using LargeVector = std::vector<T, HugePageAllocator<T>>;

} // namespace geolicence::detail
