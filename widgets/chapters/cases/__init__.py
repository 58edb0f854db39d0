"""The case pages (``chapters/cases/NN_slug.ipynb``): one module per case, named as its
notebook without the number (``chapters/cases/01_older_adult_relapsed.ipynb`` ->
``widgets.chapters.cases.older_adult_relapsed``). ``evidence`` holds what they share."""
