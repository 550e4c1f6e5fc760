#pragma once

// The ids of the findings the engine itself makes (not a profile's rules), for adapters that
// treat some of them in their own way: a front end branches on these constants, never on a
// string typed again, so a renamed check cannot silently fall through.

namespace geolicence::rule_ids {

// Evaluation (evaluation.cpp).
inline constexpr const char* kUnlicensed = "unlicensed";
inline constexpr const char* kUnknownLicence = "unknown-licence";
inline constexpr const char* kNoPermission = "no-permission";
inline constexpr const char* kMissingOption = "missing-option";
inline constexpr const char* kInvalidOption = "invalid-option";
inline constexpr const char* kUnlicensedSource = "unlicensed-source";
inline constexpr const char* kSourceLicenceDropped = "source-licence-dropped";
// Bindings (layer_binding.cpp, binding_source.cpp).
inline constexpr const char* kInvalidBinding = "invalid-binding";
inline constexpr const char* kBindingConflict = "binding-conflict";
// The project reader (reader_findings.cpp).
inline constexpr const char* kUnreadableLayer = "unreadable-layer";
inline constexpr const char* kUnknownLayer = "unknown-layer";
// Duties verified on a layout or in what was exported from it (project_check.cpp).
inline constexpr const char* kAttributionMissing = "attribution-missing";
inline constexpr const char* kAttributionMissingInPdf = "attribution-missing-in-pdf";
inline constexpr const char* kLegendMissing = "legend-missing";
inline constexpr const char* kEndorsement = "endorsement";
inline constexpr const char* kDataDefinedLayers = "data-defined-layers";
// Measured precision (measured_precision.cpp).
inline constexpr const char* kPrecisionClaimContradicted = "precision-claim-contradicted";
inline constexpr const char* kPrecisionMeasured = "precision-measured";
inline constexpr const char* kPrecisionNotMeasured = "precision-not-measured";
// The catalog an adapter judges with could not be read completely (qgis_plugin).
inline constexpr const char* kCatalogUnreadable = "catalog-unreadable";

} // namespace geolicence::rule_ids
