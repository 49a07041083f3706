;;; check.el --- Emacs + eglot headless: diagnostics and a hover from the built server -*- lexical-binding: t -*-
;; Usage: emacs -Q --batch -l check.el FILE   with ONELOGIN_ROOT, HOVER_LINE (1-based), HOVER_COL (0-based).
;; Prints DIAGNOSTIC and HOVER lines on stdout; exits 0, or 1 on any failure.

(setq package-directory-list '("/usr/share/emacs/site-lisp/elpa"))
(package-activate-all)
(require 'eglot)
(require 'flymake)

(defvar onelogin-root (or (getenv "ONELOGIN_ROOT") (error "ONELOGIN_ROOT is not set")))
(defvar onelogin-file (car command-line-args-left))
(setq command-line-args-left nil)

(setq eglot-sync-connect t)
(add-to-list 'eglot-server-programs
             `(java-mode . ("node" ,(expand-file-name "dist/server.js" onelogin-root) "--stdio")))

(defun onelogin-wait (predicate seconds what)
  "Poll PREDICATE until it is non-nil or SECONDS pass; fail naming WHAT."
  (let ((deadline (+ (float-time) seconds)) (value nil))
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or value (error "Timed out waiting for %s" what))))

(condition-case err
    (progn
      (find-file onelogin-file)
      (apply #'eglot (eglot--guess-contact))
      (flymake-start)
      (let ((diagnostics (onelogin-wait #'flymake-diagnostics 20 "diagnostics")))
        (dolist (d (sort diagnostics (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
          (let* ((data (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)))
                 (beg (flymake-diagnostic-beg d)))
            (princ (format "DIAGNOSTIC %d:%d %s %s\n"
                           (line-number-at-pos beg)
                           (save-excursion (goto-char beg) (- beg (line-beginning-position)))
                           (plist-get data :code)
                           (plist-get data :source))))))
      (goto-char (point-min))
      (forward-line (1- (string-to-number (getenv "HOVER_LINE"))))
      (forward-char (string-to-number (getenv "HOVER_COL")))
      (let* ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                     (eglot--TextDocumentPositionParams) :timeout 20))
             (contents (plist-get hover :contents))
             (value (if (stringp contents) contents (plist-get contents :value))))
        (princ (format "HOVER %s\n" (car (split-string value "\n")))))
      (kill-emacs 0))
  (error (message "check.el: %S" err) (kill-emacs 1)))
