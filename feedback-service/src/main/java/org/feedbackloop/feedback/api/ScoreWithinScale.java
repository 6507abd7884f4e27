package org.feedbackloop.feedback.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rating's score lies within its scale's range (NPS 0–10, CSAT 1–5); reported on the {@code score} field. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ScoreWithinScale.Validator.class)
public @interface ScoreWithinScale {

    String message() default "is outside the scale";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ScoreWithinScale, SubmitFeedback.RatingInput> {

        @Override
        public boolean isValid(SubmitFeedback.RatingInput rating, ConstraintValidatorContext context) {
            if (rating == null || rating.scale() == null || rating.score() == null
                    || rating.scale().accepts(rating.score())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be between %d and %d for %s".formatted(
                            rating.scale().min(), rating.scale().max(), rating.scale()))
                    .addPropertyNode("score").addConstraintViolation();
            return false;
        }
    }
}
