#include "lint/plan_rules.h"

#include <catch2/catch.hpp>

using keikaku::lint::Mention;
using keikaku::lint::NumberIndex;

namespace {

keikaku::model::Plan PlanWithNumbers() {
  keikaku::model::Plan plan;
  keikaku::model::Chapter chapter;
  keikaku::model::Figure figure;
  figure.number = "図表-3";
  chapter.content.push_back(figure);
  keikaku::model::MeasureList measures;
  keikaku::model::Measure m;
  m.number = "重点施策②";
  measures.items.push_back(m);
  chapter.content.push_back(measures);
  plan.chapters.push_back(chapter);
  return plan;
}

std::vector<std::string> Unknown(const NumberIndex& index, const std::string& text) {
  std::vector<std::string> found;
  for (const Mention& m : index.Unknown(text)) found.push_back(std::to_string(m.offset) + ":" + m.number);
  return found;
}

}  // namespace

TEST_CASE("numbers the plan does not have are found, written in any width", "[lint]") {
  NumberIndex index(PlanWithNumbers());
  CHECK(Unknown(index, "図表-3と重点施策②のとおり").empty());
  CHECK(Unknown(index, "図表－３のとおり").empty());  // full-width dash and digit
  CHECK(Unknown(index, "図表-16を見る") == std::vector<std::string>{"0:図表-16"});
  CHECK(Unknown(index, "まず重点施策⑥、次に図4") == std::vector<std::string>{"6:重点施策⑥", "30:図4"});
  // After a kanji the prefix is part of another word (地図, 年表); no numeral: no mention.
  CHECK(Unknown(index, "地図5と年表6、図表を見る").empty());
  CHECK(Unknown(index, "").empty());
  // Among other scripts, after four-byte characters, with each dash and digit form.
  CHECK(Unknown(index, "😀図表−3 と 𠮷図表‐3、ＡＢＣ図表-3。").empty());
  CHECK(Unknown(index, "😀図表−4") == std::vector<std::string>{"4:図表−4"});
  CHECK(Unknown(index, "𠮷図表-4").empty());  // after a kanji (outside the BMP)
  CHECK(Unknown(index, "a図5 b表６") == std::vector<std::string>{"1:図5", "7:表６"});
  CHECK(Unknown(index, "重点施策⑥") == std::vector<std::string>{"0:重点施策⑥"});
}
