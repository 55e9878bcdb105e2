"""The PDFs (`make pdf`, make.py): which pages go into them and the HTML skeleton they are assembled
into (book.py), the assembly in the browser (assemble.js) with the book's print rules (book.css), the printing
(printing.py) and the checks of the printed files (verify.py). None of it is published with the site."""
