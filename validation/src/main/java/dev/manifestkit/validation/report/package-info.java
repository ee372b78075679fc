/**
 * Report formats: one {@link dev.manifestkit.validation.report.ReportWriter} per format (text,
 * JSON, JUnit XML), chosen by name in {@link dev.manifestkit.validation.report.ReportWriter#forFormat}.
 */
package dev.manifestkit.validation.report;
