// Evaluating one action for a project's layers must be instant for the QGIS plugin, which
// re-evaluates on every layer change: target < 1 ms for 1,000 licensed layers.
#include <geolicence/catalog.h>
#include <geolicence/evaluation.h>

#include <benchmark/benchmark.h>

namespace {

using namespace geolicence;

const Catalog& catalog() {
    static const Catalog built = CatalogBuilder().addBundled().build();
    return built;
}

// A realistic mix: every bindable licence in turn, with the options projects set.
std::vector<LayerInput> layers(std::size_t count) {
    const auto profiles = catalog().bindable();
    std::vector<LayerInput> list;
    for (std::size_t i = 0; i < count; ++i) {
        const LicenceProfile& profile = *profiles[i % profiles.size()];
        LayerInput layer{"layer-" + std::to_string(i),
                         "Layer " + std::to_string(i),
                         singleLicence(profile.id, {}, "benchmark"),
                         {}};
        if (profile.findOption("valid_until") != nullptr) {
            layer.binding->licences.front().options["valid_until"] = *Date::parse("2027-12-31");
        }
        if (profile.findOption("attribution") != nullptr) {
            layer.binding->licences.front().options["attribution"] =
                std::string("Bron: gemeente " + std::to_string(i % 7));
        }
        list.push_back(std::move(layer));
    }
    return list;
}

void BM_EvaluatePublish(benchmark::State& state) {
    const auto input = layers(static_cast<std::size_t>(state.range(0)));
    EvaluationRequest request;
    request.action = Action::Publish;
    request.context.purpose = "public-task";
    request.context.date = Date::parse("2026-06-01");
    request.context.combined_with_own_data = true;
    request.context.downloadable = false;
    for (auto _ : state) {
        Decision decision = evaluate(catalog(), request, input);
        benchmark::DoNotOptimize(decision);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EvaluatePublish)->Arg(1)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

void BM_EvaluateShareUnknownRecipient(benchmark::State& state) {
    const auto input = layers(static_cast<std::size_t>(state.range(0)));
    EvaluationRequest request;
    request.action = Action::Share;
    request.context.date = Date::parse("2026-06-01");
    for (auto _ : state) {
        Decision decision = evaluate(catalog(), request, input);
        benchmark::DoNotOptimize(decision);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EvaluateShareUnknownRecipient)->Arg(1000)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
