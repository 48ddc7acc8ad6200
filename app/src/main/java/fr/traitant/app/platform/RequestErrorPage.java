package fr.traitant.app.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The French error page of a request refused by {@link RequestGuard} (reached by a forward; directly: a generic 400). */
@Controller
class RequestErrorPage {

    @RequestMapping(RequestGuard.ERROR_PAGE)
    String show(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object status = request.getAttribute(RequestGuard.STATUS);
        int code = status instanceof Integer s ? s : 400;
        response.setStatus(code);
        model.addAttribute("status", code);
        model.addAttribute(
                "title", request.getAttribute(RequestGuard.TITLE) instanceof String t ? t : "Requête invalide");
        model.addAttribute(
                "detail",
                request.getAttribute(RequestGuard.DETAIL) instanceof String d
                        ? d
                        : "La requête n'a pas pu être traitée.");
        return "error";
    }
}
