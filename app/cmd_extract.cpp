// `naqsha extract`: articles in, one NDJSON event per line out.
#include "app/command.hpp"
#include "app/exit_codes.hpp"
#include "extract/article.hpp"
#include "extract/event_json.hpp"
#include "extract/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geo/atomic_file.hpp"
#include "geo/error.hpp"

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace naqsha::app {
namespace {

namespace ex = naqsha::extract;

// Writes NDJSON to a file (atomically: complete or not at all) or to standard output.
class ndjson_sink {
public:
    explicit ndjson_sink(const std::string& path) {
        if (!path.empty() && path != "-") file_.emplace(path);
        buffer_.reserve(1 << 20);
    }
    void line(std::string& text) {
        buffer_ += text;
        buffer_ += '\n';
        if (buffer_.size() >= (1 << 20)) flush();
    }
    void flush() {
        if (buffer_.empty()) return;
        if (file_) file_->write(buffer_);
        else if (std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) != buffer_.size())
            throw output_error("standard output: write failed");
        buffer_.clear();
    }
    void commit() {
        flush();
        if (file_) file_->commit();
        else std::fflush(stdout);
    }

private:
    std::optional<atomic_file> file_;
    std::string buffer_;
};

class extract_command final : public command {
public:
    void declare(CLI::App& sub) override {
        sub.description(
            "Read news reports and press releases and write the events they report as NDJSON, one event per line "
            "(fields in docs/event-schema.md). Inputs are text files, directories (read recursively, in sorted "
            "order), NDJSON files (.ndjson/.jsonl: {id, published, url, source, title, text} per line) or - for "
            "standard input. An input that cannot be read is named on stderr and skipped; the others are "
            "processed and the exit status is 1.");
        sub.add_option("INPUT", inputs_, "Article files, directories, NDJSON files, or - for standard input")->required();
        sub.add_option("-o,--output", output_, "Write events here instead of standard output (replaced atomically)");
        sub.add_option("--published", published_,
                       "Publication date (YYYY-MM-DD) for every input, overriding metadata, headers and datelines");
        sub.add_option("--claims", claims_,
                       "Also write many-district claims (\"61 out of 407 districts\") as NDJSON to this file");
        sub.add_option("--format", format_, "How to read inputs: auto (by extension and content), text, ndjson")
            ->check(CLI::IsMember({"auto", "text", "ndjson"}))
            ->capture_default_str();
        sub.add_flag("--no-background", no_background_, "Leave out events the articles only recall");
        sub.add_flag("--explain", explain_,
                     "Print to stderr how each sentence was read: dates, places, sources, casualty figures, incidents");
        sub.add_option("--boundary-set", boundary_set_, "Boundary set mapping for place resolution")->capture_default_str();
    }

    int run(const global_options& global) override {
        ex::extract_options options;
        options.published = published_;
        options.background = !no_background_;
        options.explain = explain_;
        gazetteer::load_options load;
        load.data_dir = global.data_dir;
        load.cache_dir = global.cache_dir;
        load.boundary_set = boundary_set_;
        auto gaz = gazetteer::gazetteer::load(load);

        ndjson_sink events(output_);
        std::unique_ptr<ndjson_sink> claims;
        if (!claims_.empty()) claims = std::make_unique<ndjson_sink>(claims_);
        std::size_t articles = 0, failed = 0, written = 0;
        std::string line;
        ex::read_callbacks callbacks;
        callbacks.on_article = [&](ex::article&& a) {
            ++articles;
            ex::article_result r;
            try {
                r = ex::extract_article(a, gaz, options);
            } catch (const input_error& e) {
                ++failed;
                std::cerr << "naqsha: input: " << a.path << ": " << e.what() << "\n";
                return;
            }
            for (const auto& e : r.events) {
                line.clear();
                ex::append_json(line, e);
                events.line(line);
                ++written;
            }
            if (claims)
                for (const auto& c : r.area_claims) {
                    line.clear();
                    ex::append_json(line, c);
                    claims->line(line);
                }
            if (!global.quiet)
                for (const auto& w : r.warnings) std::cerr << "naqsha: warning: " << w << "\n";
            if (explain_) {
                std::cerr << "== " << a.path << "\n";
                for (const auto& l : r.explanation) std::cerr << l << "\n";
            }
        };
        callbacks.on_error = [&](const std::string& where, const std::string& problem) {
            ++failed;
            std::cerr << "naqsha: input: " << where << ": " << problem << "\n";
        };
        ex::read_inputs(inputs_, format_ == "text" ? ex::input_format::text
                                 : format_ == "ndjson" ? ex::input_format::ndjson
                                                       : ex::input_format::automatic,
                        callbacks);
        events.commit();
        if (claims) claims->commit();
        if (global.verbose || (!global.quiet && failed))
            std::cerr << "naqsha: extract: " << articles << " articles, " << written << " events, " << failed
                      << " inputs rejected\n";
        return failed ? exit_partial : exit_success;
    }

private:
    std::vector<std::string> inputs_;
    std::string output_;
    std::string published_;
    std::string claims_;
    std::string format_ = "auto";
    std::string boundary_set_ = "ocha-agcho-2018";
    bool no_background_ = false;
    bool explain_ = false;
};

} // namespace

std::unique_ptr<command> make_extract_command() { return std::make_unique<extract_command>(); }

} // namespace naqsha::app
