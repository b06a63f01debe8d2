package cn.luoshi.speech.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.project.Project;
import cn.luoshi.project.ProjectCategory;
import cn.luoshi.speech.OutlineNode;
import cn.luoshi.speech.SpeechExtraction;
import cn.luoshi.speech.SpeechProject;
import cn.luoshi.speech.SpeechTarget;
import cn.luoshi.speech.SpeechTask;
import cn.luoshi.task.TaskSummary;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload or paste a speech, review what was extracted beside the highlighted text, and register it. */
@Controller
class SpeechPagesController {

    private final SpeechReviews reviews;
    private final OrgUnits units;
    private final Messages messages;

    SpeechPagesController(SpeechReviews reviews, OrgUnits units, Messages messages) {
        this.reviews = reviews;
        this.units = units;
        this.messages = messages;
    }

    /** The registration form has nested lists of plain fields; field access keeps them free of setters. */
    @InitBinder("registration")
    void fieldAccess(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(5000);
    }

    @GetMapping("/speech")
    String start(@AuthenticationPrincipal LuoshiUser me, Model model) {
        requireRegistrar(me);
        model.addAttribute("recent", reviews.recent(me));
        return "speech/start";
    }

    @PostMapping("/speech")
    String read(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String text,
                @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        requireRegistrar(me);
        try {
            String content = text;
            String fileName = null;
            if (file != null && !file.isEmpty()) {
                content = SpeechDocuments.text(file.getOriginalFilename(), file.getBytes());
                fileName = file.getOriginalFilename();
            }
            SpeechImport speech = reviews.read(content, fileName, me);
            return "redirect:/speech/imports/" + speech.id();
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
            model.addAttribute("text", text);
            model.addAttribute("recent", reviews.recent(me));
            return "speech/start";
        }
    }

    @GetMapping("/speech/imports/{id:\\d+}")
    String review(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, Model model) {
        requireRegistrar(me);
        SpeechImport speech = reviews.find(id, me).orElseThrow(() -> DomainException.notFound("speech.import", id));
        fill(model, speech, null, me);
        return "speech/review";
    }

    @PostMapping("/speech/imports/{id:\\d+}/apart")
    String registerApart(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                         @RequestParam(defaultValue = "-1") int version, Model model) {
        requireRegistrar(me);
        try {
            reviews.registerApart(id, version, me);
            return "redirect:/speech/imports/" + id;
        } catch (DomainException e) {
            SpeechImport speech = reviews.find(id, me).orElseThrow(() -> DomainException.notFound("speech.import",
                    id));
            FormErrors.addTo(model, e, messages);
            fill(model, speech, null, me);
            return "speech/review";
        }
    }

    @PostMapping("/speech/imports/{id:\\d+}/register")
    String register(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                    @ModelAttribute("registration") RegistrationForm form, Model model,
                    RedirectAttributes redirect) {
        requireRegistrar(me);
        try {
            RegistrationOutcome outcome = reviews.register(id, form, me);
            redirect.addFlashAttribute("outcome", outcome);
            return "redirect:/speech/imports/" + id;
        } catch (DomainException e) {
            SpeechImport speech = reviews.find(id, me).orElseThrow(() -> DomainException.notFound("speech.import",
                    id));
            FormErrors.addTo(model, e, messages);
            fill(model, speech, form, me);
            return "speech/review";
        }
    }

    private static void requireRegistrar(LuoshiUser me) {
        if (!SpeechReviews.mayRegister(me)) {
            throw DomainException.forbidden("speech.error.onlySupervisor");
        }
    }

    /** The review page's model; {@code submitted} carries the reviewer's edits back after a refusal. */
    private void fill(Model model, SpeechImport speech, RegistrationForm submitted, LuoshiUser me) {
        SpeechExtraction extraction = reviews.extract(speech.text());
        Map<String, TaskSummary> registeredTasks = reviews.registeredTasks(speech, me);
        Map<String, Project> registeredProjects = reviews.registeredProjects(speech, extraction);
        List<OrgUnit> visible = units.visible(me.scope(), false).stream()
                .filter(u -> u.kind() != OrgUnitKind.GRID).toList();
        List<OrgUnit> regions = units.workingArea(me.scope()).stream().filter(OrgUnit::isRegion).toList();
        Long homeRegion = reviews.homeRegion(me).map(OrgUnit::id).orElse(null);

        Map<String, RegistrationForm.TaskItem> taskEdits = new LinkedHashMap<>();
        Map<String, RegistrationForm.TargetItem> targetEdits = new LinkedHashMap<>();
        Map<String, RegistrationForm.ProjectItem> projectEdits = new LinkedHashMap<>();
        if (submitted != null) {
            submitted.tasks.stream().filter(i -> i != null && i.key != null).forEach(i -> taskEdits.put(i.key, i));
            submitted.targets.stream().filter(i -> i != null && i.key != null)
                    .forEach(i -> targetEdits.put(i.key, i));
            submitted.projects.stream().filter(i -> i != null && i.key != null)
                    .forEach(i -> projectEdits.put(i.key, i));
        }

        Map<String, List<TaskRow>> groups = new LinkedHashMap<>();
        for (int i = 0; i < extraction.tasks().size(); i++) {
            SpeechTask t = extraction.tasks().get(i);
            String key = SpeechReviews.taskKey(t);
            RegistrationForm.TaskItem edit = taskEdits.get(key);
            String group = t.outlinePath().isEmpty() ? messages.get("speech.review.preamble")
                    : String.join(" › ", t.outlinePath().subList(0, Math.min(2, t.outlinePath().size())));
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new TaskRow(i, key, "t" + i,
                    String.join(" › ", t.outlinePath()), t.text(),
                    edit != null && edit.title != null ? edit.title : SpeechReviews.shortTitle(t.text()),
                    edit != null && edit.selected, edit == null ? null : edit.leadUnitId,
                    edit == null ? null : edit.dueDate, registeredTasks.get(key)));
        }
        List<TaskGroup> taskGroups = new ArrayList<>();
        groups.forEach((name, rows) -> taskGroups.add(new TaskGroup(taskGroups.size(), name, rows)));
        // Tasks the meeting has from an earlier copy whose text this copy no longer has: an edited line.
        Map<String, TaskSummary> notInThisCopy = new LinkedHashMap<>(registeredTasks);
        extraction.tasks().forEach(t -> notInThisCopy.remove(SpeechReviews.taskKey(t)));
        model.addAttribute("tasksNotInCopy", List.copyOf(notInThisCopy.values()));
        model.addAttribute("similarityPercent", SpeechReviews.percent(speech.similarity()));

        LocalDate meetingDate = submitted != null && submitted.meetingDate != null ? submitted.meetingDate
                : speech.createdAt().toLocalDate();
        List<TargetRow> targetRows = new ArrayList<>();
        for (int i = 0; i < extraction.targets().size(); i++) {
            SpeechTarget t = extraction.targets().get(i);
            String key = SpeechReviews.targetKey(t);
            RegistrationForm.TargetItem edit = targetEdits.get(key);
            int baseYear = edit != null && edit.baseYear != null ? edit.baseYear
                    : SpeechReviews.defaultBaseYear(t, meetingDate);
            targetRows.add(new TargetRow(i, key, "g" + i, t, reviews.indicatorKnown(SpeechReviews.indicatorName(t)),
                    messages.get("target.comparator." + SpeechReviews.comparator(t).name()),
                    edit != null && edit.selected, edit != null && edit.unitId != null ? edit.unitId : homeRegion,
                    edit != null && edit.year != null ? edit.year : SpeechReviews.targetYear(t, meetingDate, baseYear),
                    baseYear, SpeechReviews.statedBaseYear(t.text()) != null,
                    edit != null && edit.value != null ? edit.value : t.value()));
        }

        List<ProjectRow> projectRows = new ArrayList<>();
        for (int i = 0; i < extraction.projects().size(); i++) {
            SpeechProject p = extraction.projects().get(i);
            String key = SpeechReviews.projectKey(p);
            RegistrationForm.ProjectItem edit = projectEdits.get(key);
            projectRows.add(new ProjectRow(i, key, "p" + i, p,
                    edit != null && edit.name != null ? edit.name : p.name(),
                    edit != null && edit.category != null ? edit.category
                            : SpeechReviews.defaultCategory(p.kind()).name(),
                    edit != null && edit.selected, edit == null ? null : edit.leadUnitId,
                    registeredProjects.get(key)));
        }

        model.addAttribute("speech", speech);
        model.addAttribute("extraction", extraction);
        model.addAttribute("runs", SpeechHighlights.of(speech.text(), extraction));
        List<OutlineNode> outlineRows = new ArrayList<>();
        flatten(extraction.outline(), outlineRows);
        model.addAttribute("outlineRows", outlineRows);
        model.addAttribute("taskGroups", taskGroups);
        model.addAttribute("targetRows", targetRows);
        model.addAttribute("projectRows", projectRows);
        model.addAttribute("units", visible);
        model.addAttribute("regions", regions);
        model.addAttribute("categories", ProjectCategory.values());
        model.addAttribute("registeredCount", registeredTasks.size());
        model.addAttribute("meetingTitle", submitted != null && submitted.meetingTitle != null
                ? submitted.meetingTitle : extraction.title() != null ? extraction.title()
                : messages.get("speech.review.untitled"));
        model.addAttribute("meetingDate", meetingDate);
        model.addAttribute("occasion", submitted != null && submitted.occasion != null ? submitted.occasion
                : extraction.occasion());
        model.addAttribute("speakerRole", submitted != null && submitted.speakerRole != null
                ? submitted.speakerRole : extraction.speakerRole());
        model.addAttribute("defaultLeadUnitId", submitted == null ? null : submitted.defaultLeadUnitId);
        model.addAttribute("defaultDueDate", submitted != null && submitted.defaultDueDate != null
                ? submitted.defaultDueDate : LocalDate.of(meetingDate.getYear(), 12, 31));
    }

    private static void flatten(List<OutlineNode> nodes, List<OutlineNode> into) {
        for (OutlineNode node : nodes) {
            into.add(node);
            flatten(node.children(), into);
        }
    }

    public record TaskGroup(int index, String name, List<TaskRow> rows) {
    }

    public record TaskRow(int index, String key, String anchor, String outline, String text, String title,
                   boolean selected, Long leadUnitId, LocalDate dueDate, TaskSummary registered) {
    }

    /** @param baseStated whether the base year is the one the speech states, rather than the form's default */
    public record TargetRow(int index, String key, String anchor, SpeechTarget target, boolean known,
                     String comparatorLabel, boolean selected, Long unitId, Integer year, Integer baseYear,
                     boolean baseStated, BigDecimal value) {
    }

    public record ProjectRow(int index, String key, String anchor, SpeechProject project, String name, String category,
                      boolean selected, Long leadUnitId, Project registered) {
    }
}
